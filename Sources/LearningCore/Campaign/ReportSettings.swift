/// How a report is addressed and signed, from the configuration.
public struct ReportSettings: Sendable, Hashable {
    /// The document symbol after the number: "BC-UBND".
    public var symbol: String
    /// Kính gửi, for the report sent to the city.
    public var sentTo: String?
    public var recipients: [String]
    public var authority: [String]
    public var signer: String

    public init(symbol: String, sentTo: String?, recipients: [String], authority: [String], signer: String) {
        self.symbol = symbol
        self.sentTo = sentTo
        self.recipients = recipients
        self.authority = authority
        self.signer = signer
    }
}
