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

