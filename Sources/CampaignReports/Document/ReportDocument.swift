import Foundation

/// A report laid out as a Vietnamese administrative document (Decree 30/2020/NĐ-CP): the header's two columns,
/// the title, numbered sections with tables and charts, and the closing. Every renderer (HTML, DOCX, Markdown,
/// CSV, XLSX) draws this same value, so the figures are computed once.
public struct ReportDocument: Sendable, Hashable {
    public var header: ReportHeader
    /// "BÁO CÁO".
    public var kind: String
    /// The summary line under the title: Kết quả thực hiện phong trào "học tập số" năm 2026.
    public var title: String
    /// "Kính gửi: …", when sent upward.
    public var recipient: String?
    public var sections: [ReportSection]
    public var closing: ReportClosing

    public init(header: ReportHeader, kind: String, title: String, recipient: String?, sections: [ReportSection],
                closing: ReportClosing) {
        self.header = header
        self.kind = kind
        self.title = title
        self.recipient = recipient
        self.sections = sections
        self.closing = closing
    }

    /// Every table, in reading order (for spreadsheets and CSV).
    public var tables: [ReportTable] {
        sections.flatMap { $0.allTables }
    }
}

/// The two header columns: the issuer on the left, the state on the right.
public struct ReportHeader: Sendable, Hashable {
    /// Name of the superior body, if any (none for a commune's own report).
    public var superiorBody: String?
    /// ỦY BAN NHÂN DÂN XÃ KIẾN THỤY.
    public var issuer: String
    /// CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.
    public var nationalTitle: String
    /// Độc lập - Tự do - Hạnh phúc.
    public var motto: String
    /// "Số: 05/BC-UBND", or "Số:      /BC-UBND" with room for the clerk to fill in.
    public var number: String
    /// "Kiến Thụy, ngày 05 tháng 12 năm 2026".
    public var placeAndDate: String

    public init(superiorBody: String?, issuer: String, nationalTitle: String, motto: String, number: String,
                placeAndDate: String) {
        self.superiorBody = superiorBody
        self.issuer = issuer
        self.nationalTitle = nationalTitle
        self.motto = motto
        self.number = number
        self.placeAndDate = placeAndDate
    }
}

/// A numbered section (I., II. …) with its paragraphs, tables, charts and subsections (1., 2. …).
public struct ReportSection: Sendable, Hashable {
    /// "I", "II" … for top-level sections; "1", "2" … below.
    public var number: String
    public var title: String
    public var paragraphs: [String]
    public var tables: [ReportTable]
    public var charts: [BarChart]
    public var subsections: [ReportSection]

    public init(number: String, title: String, paragraphs: [String] = [], tables: [ReportTable] = [],
                charts: [BarChart] = [], subsections: [ReportSection] = []) {
        self.number = number
        self.title = title
        self.paragraphs = paragraphs
        self.tables = tables
        self.charts = charts
        self.subsections = subsections
    }

    var allTables: [ReportTable] { tables + subsections.flatMap(\.allTables) }
}

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
