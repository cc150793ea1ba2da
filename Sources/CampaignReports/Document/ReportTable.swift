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

/// A column: its heading and whether it holds text (left) or figures (right-aligned).
public struct ReportColumn: Sendable, Hashable, Codable {
    public var title: String
    public var isNumeric: Bool

    public init(_ title: String, numeric: Bool = true) {
        self.title = title
        self.isNumeric = numeric
    }
}

/// One cell: text, a whole number, or a value with one decimal (a percentage or an average); nil shows as "—".
public enum ReportCell: Sendable, Hashable, Codable {
    case text(String)
    case integer(Int)
    case decimal(Double?)

    /// The cell as shown in a document: Vietnamese decimal comma, thousands grouped with dots.
    public var display: String {
        switch self {
        case .text(let text): text
        case .integer(let value): VietnameseFormat.integer(value)
        case .decimal(let value): value.map(VietnameseFormat.decimal) ?? "—"
        }
    }

    /// The cell as a spreadsheet or CSV holds it: plain digits with a dot, so the number stays a number.
    public var plain: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .decimal(let value): value.map { String(format: "%.1f", $0) } ?? ""
        }
    }
}

/// How figures are written in Vietnamese documents.
public enum VietnameseFormat {
    /// 12345 → "12.345".
    public static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ".")
    }

    /// 87.5 → "87,5".
    public static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }
}
