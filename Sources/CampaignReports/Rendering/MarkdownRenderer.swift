import Foundation

/// The report as Markdown, for pasting into a message or a wiki; the same document as the HTML one.
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var lines: [String] = []
        if let superior = document.header.superiorBody { lines.append(superior) }
        lines += ["**\(document.header.issuer)**", "", document.header.number, "",
                  "**\(document.header.nationalTitle)**  ", "**\(document.header.motto)**", "",
                  "*\(document.header.placeAndDate)*", "", "# \(document.kind)", "", "**\(document.title)**", ""]
        if let recipient = document.recipient { lines += [recipient, ""] }
        for section in document.sections { render(section, level: 2, into: &lines) }
        lines.append("**\(document.closing.recipientsLabel)**")
        lines.append("")
        lines += document.closing.recipients.map { "- \($0)" }
        lines.append("")
        lines += document.closing.authority.map { "**\($0)**  " }
        lines += ["", "", "**\(document.closing.signer)**", ""]
        return lines.joined(separator: "\n")
    }

    private static func render(_ section: ReportSection, level: Int, into lines: inout [String]) {
        lines += ["\(String(repeating: "#", count: level)) \(section.number). \(section.title)", ""]
        for paragraph in section.paragraphs { lines += [paragraph, ""] }
        for table in section.tables { render(table, into: &lines) }
        for subsection in section.subsections { render(subsection, level: level + 1, into: &lines) }
    }

    private static func render(_ table: ReportTable, into lines: inout [String]) {
        lines += ["**\(table.title)**", ""]
        lines.append("| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { $0.isNumeric ? " ---: |" : " --- |" }.joined())
        for row in table.rows {
            lines.append("| " + row.map { cell($0.display) }.joined(separator: " | ") + " |")
        }
        if let total = table.totalRow {
            lines.append("| " + total.map { $0.display.isEmpty ? "" : "**\(cell($0.display))**" }.joined(separator: " | ") + " |")
        }
        lines.append("")
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
