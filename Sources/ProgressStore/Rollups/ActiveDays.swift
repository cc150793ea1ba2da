import Foundation

/// The days of a reporting year on which a person was active in a course, kept in `activityYear` as six integer
/// columns `d0`…`d5` of 63 bits each (day `i` of the year is bit `i % 63` of `d(i / 63)`; 378 bits hold the longest
/// year, and 63 keep every sum of distinct bits positive, so a rebuild can OR them with `SUM`). A period inside a
/// year then counts its distinct people from one row per (unit, category, person, course) with plain SQL bit
/// tests, instead of one row per day.
enum ActiveDays {
    static let bitsPerWord = 63
    static let wordCount = 6

    /// The column and bit of day `offset` of the year.
    static func position(_ offset: Int) -> (column: String, bit: Int64) {
        ("d\(offset / bitsPerWord)", Int64(1) << Int64(offset % bitsPerWord))
    }

    /// An SQL condition, true when a day of `days` (offsets in the year) is set in the row of `table`, with the
    /// masks written in (they are numbers computed here, not input).
    static func anyDay(in days: Range<Int>, table: String = "") -> String {
        let prefix = table.isEmpty ? "" : table + "."
        var tests: [String] = []
        for word in 0..<wordCount {
            let start = max(days.lowerBound, word * bitsPerWord)
            let end = min(days.upperBound, (word + 1) * bitsPerWord)
            guard start < end else { continue }
            var mask: Int64 = 0
            for offset in start..<end { mask |= Int64(1) << Int64(offset - word * bitsPerWord) }
            tests.append("(\(prefix)d\(word) & \(mask)) != 0")
        }
        return tests.isEmpty ? "0" : "(" + tests.joined(separator: " OR ") + ")"
    }

    /// The SQL of the six columns' values for a rebuild from rows with an `offset` column, each the OR (as a sum of
    /// distinct bits) of the bits in its word.
    static var rebuildColumns: String {
        (0..<wordCount).map { word in
            "SUM(CASE WHEN offset / \(bitsPerWord) = \(word) THEN 1 << (offset % \(bitsPerWord)) ELSE 0 END)"
        }.joined(separator: ", ")
    }

    /// `d0, d1, …, d5`.
    static var columns: String { (0..<wordCount).map { "d\($0)" }.joined(separator: ", ") }
}
