import Foundation

/// The closing: recipients on the left, the signing authority on the right.
public struct ReportClosing: Sendable, Hashable {
    /// "Nơi nhận:".
    public var recipientsLabel: String
    /// One line each, without the leading dash the renderers add: "Sở Khoa học và Công nghệ;" … "Lưu: VT, VHXH."
    public var recipients: [String]
    /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    public var authority: [String]
    /// The signer's name, or empty for the clerk to fill in.
    public var signer: String

    public init(recipientsLabel: String, recipients: [String], authority: [String], signer: String) {
        self.recipientsLabel = recipientsLabel
        self.recipients = recipients
        self.authority = authority
        self.signer = signer
    }
}
