import Foundation

/// The two header columns: the issuer on the left, the state on the right.
public struct ReportHeader: Sendable, Hashable {
    /// Name of the superior body, if any (none for a commune's own report).
    public var superiorBody: String?
    /// ỦY BAN NHÂN DÂN XÃ KIẾN THỤY.
    public var issuer: String
    /// The issuer as the header sets it, on two lines: "ỦY BAN NHÂN DÂN", "XÃ KIẾN THỤY".
    public var issuerLines: [String]
    /// CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.
    public var nationalTitle: String
    /// Độc lập - Tự do - Hạnh phúc.
    public var motto: String
    /// "Số: 05/BC-UBND", or "Số:      /BC-UBND" with room for the clerk to fill in.
    public var number: String
    /// "Kiến Thụy, ngày 05 tháng 12 năm 2026".
    public var placeAndDate: String

    /// A header; the issuer's lines are cut from `issuer` (`IssuerName`).
    public init(superiorBody: String?, issuer: String, nationalTitle: String, motto: String, number: String,
                placeAndDate: String) {
        self.superiorBody = superiorBody
        self.issuer = issuer
        self.issuerLines = IssuerName.lines(issuer)
        self.nationalTitle = nationalTitle
        self.motto = motto
        self.number = number
        self.placeAndDate = placeAndDate
    }
}
