import Foundation

/// A horizontal bar chart of a report (completion by unit, by content), drawn as inline SVG on the server.
public struct BarChart: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        /// The value, in percent (0–100).
        public var value: Double

        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var bars: [Bar]
    /// A reference line (the year's target), if any.
    public var target: Double?
    /// The words for that line ("Chỉ tiêu"), from the strings of `Content/`.
    public var targetLabel: String?

    public init(title: String, bars: [Bar], target: Double? = nil, targetLabel: String? = nil) {
        self.title = title
        self.bars = bars
        self.target = target
        self.targetLabel = targetLabel
    }
}
