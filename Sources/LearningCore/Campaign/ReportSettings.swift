/// How a report is addressed and signed, from the configuration.
public struct ReportSettings: Sendable, Hashable {
    /// The document symbol after the number: "BC-UBND".
    public var symbol: String
    /// Kính gửi, for the report sent to the city.
    public var sentTo: String?
    public var recipients: [String]
    public var authority: [String]
    public var signer: String
    /// The issuer's superior body (cơ quan chủ quản), printed above the issuer; nil for none (the commune's own).
    public var superiorBody: String?

    public init(symbol: String, sentTo: String?, recipients: [String], authority: [String], signer: String,
                superiorBody: String? = nil) {
        self.superiorBody = superiorBody
        self.symbol = symbol
        self.sentTo = sentTo
        self.recipients = recipients
        self.authority = authority
        self.signer = signer
    }
}

/// How one unit issues and signs its own yearly report (`units[].report` in `Content/campaign.yaml`): its
/// superior body, its document symbol and its head. What is left out the renderers leave for the clerk.
public struct UnitReportSettings: Sendable, Hashable {
    /// The superior body printed above the unit's name (Ủy ban nhân dân xã Kiến Thụy for a phòng or a thôn).
    public var superiorBody: String?
    /// The document symbol after the number: "BC-VHXH".
    public var symbol: String?
    /// The head's title lines: "TRƯỞNG PHÒNG", or "TM. BAN CHẤP HÀNH" / "CHỦ TỊCH".
    public var authority: [String]
    /// The head's name; empty for the clerk to fill in.
    public var signer: String

    public init(superiorBody: String? = nil, symbol: String? = nil, authority: [String], signer: String) {
        self.superiorBody = superiorBody
        self.symbol = symbol
        self.authority = authority
        self.signer = signer
    }
}
