import Foundation

/// The report's tables as CSV: UTF-8 with a byte-order mark so Excel shows Vietnamese correctly, one block per
/// table (its title, its header, its rows, its total), blocks separated by an empty line. Figures are plain
/// numbers (a dot for decimals) so a spreadsheet reads them as numbers.
public enum CSVRenderer {
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ document: ReportDocument) -> String {
        byteOrderMark + document.tables.map(render).joined(separator: "\r\n")
    }

    /// One table alone (header first), without the byte-order mark.
    public static func render(_ table: ReportTable) -> String {
        var lines = [field(table.title), table.columns.map { field($0.title) }.joined(separator: ",")]
        lines += table.allRows.map { row in row.map { field($0.plain) }.joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
