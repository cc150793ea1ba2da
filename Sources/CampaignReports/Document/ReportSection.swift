import Foundation

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
