import Foundation

/// A column: its heading and whether it holds text (left) or figures (right-aligned).
public struct ReportColumn: Sendable, Hashable, Codable {
    public var title: String
    public var isNumeric: Bool

    public init(_ title: String, numeric: Bool = true) {
        self.title = title
        self.isNumeric = numeric
    }
}
