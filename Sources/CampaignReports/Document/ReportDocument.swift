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
    /// Paragraphs after the sections and before the closing (a Tờ trình's "kính trình … xem xét, quyết định./.").
    public var conclusion: [String]
    /// Appendices after the closing, each on a new page (the list of named people).
    public var appendices: [ReportAppendix]

    /// A document; `conclusion` and `appendices` are empty unless given.
    public init(header: ReportHeader, kind: String, title: String, recipient: String?, sections: [ReportSection],
                closing: ReportClosing, conclusion: [String] = [], appendices: [ReportAppendix] = []) {
        self.header = header
        self.kind = kind
        self.title = title
        self.recipient = recipient
        self.sections = sections
        self.closing = closing
        self.conclusion = conclusion
        self.appendices = appendices
    }

    /// Every table, in reading order, appendices last (for spreadsheets and CSV).
    public var tables: [ReportTable] {
        sections.flatMap { $0.allTables } + appendices.map(\.table)
    }
}

