import Foundation

/// The report's tables as CSV: UTF-8 with a byte-order mark so Excel shows Vietnamese correctly, one block per
/// table (its title, its header, its rows, its total), blocks separated by an empty line. Figures are plain
/// numbers (a dot for decimals) so a spreadsheet reads them as numbers.
///
/// Text is safe to open in a spreadsheet (OWASP, "CSV Injection"): a text cell that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading single quote and is quoted, so Excel or LibreOffice shows it
/// as text instead of running it as a formula. Figures are never touched: they come from numbers, not from
/// anyone's typing, and a report's figures are never negative; were one ever negative it would stay a number.
public enum CSVRenderer {
    public static let byteOrderMark = "\u{FEFF}"

    /// The whole document's tables, after the byte-order mark.
    public static func render(_ document: ReportDocument) -> String {
        byteOrderMark + document.tables.map(render).joined(separator: "\r\n")
    }

    /// One table alone (header first), without the byte-order mark.
    public static func render(_ table: ReportTable) -> String {
        var lines = [text(table.title), table.columns.map { text($0.title) }.joined(separator: ",")]
        lines += table.allRows.map { row in
            row.map { cell in cell.isText ? text(cell.plain) : field(cell.plain) }.joined(separator: ",")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One line holding a single text cell (a heading or a sentence), neutralised like any text.
    static func line(_ value: String) -> String { text(value) }

    /// The first characters that make a spreadsheet read a cell as a formula.
    static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text field, neutralised when a spreadsheet would take it for a formula.
    private static func text(_ value: String) -> String {
        // "\r\n" is one Character in Swift: look at the first scalar.
        guard let first = value.unicodeScalars.first, formulaTriggers.contains(Character(first)) else {
            return field(value)
        }
        return quoted("'" + value)
    }

    // On Unicode scalars, not Characters: a quote, comma or line break followed by a combining mark is one
    // Character that equals none of them, yet a CSV reader still sees the quote, comma or line break.
    private static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else { return value }
        return quoted(value)
    }

    private static func quoted(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append("\"")
        for scalar in value.unicodeScalars {
            if scalar == "\"" { scalars.append("\"") }
            scalars.append(scalar)
        }
        scalars.append("\"")
        return String(scalars)
    }
}
