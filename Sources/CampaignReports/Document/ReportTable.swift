import Foundation

/// A numbered, titled table of a report, with an optional total row.
public struct ReportTable: Sendable, Hashable, Codable {
    /// Stable id, used for sheet names and CSV sections (`theo-don-vi`).
    public var id: String
    /// "Bảng 1. Kết quả theo đơn vị".
    public var title: String
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    /// The "Tổng cộng" row, where totals make sense.
    public var totalRow: [ReportCell]?

    public init(id: String, title: String, columns: [ReportColumn], rows: [[ReportCell]], totalRow: [ReportCell]? = nil) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.totalRow = totalRow
    }

    /// Rows then the total row.
    public var allRows: [[ReportCell]] { rows + (totalRow.map { [$0] } ?? []) }
}

