import Foundation

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

extension ReportCell {
    /// Whether the cell holds text (left-aligned) rather than a figure.
    var isText: Bool {
        if case .text = self { return true }
        return false
    }
}
