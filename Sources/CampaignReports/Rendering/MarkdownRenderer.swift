import Foundation

/// The report as Markdown, for pasting into a message or a wiki; the same document as the HTML one.
public enum MarkdownRenderer {
    /// The document as Markdown; every text from the data (names, titles) is escaped, never read as markup.
    public static func render(_ document: ReportDocument) -> String {
        var lines: [String] = []
        if let superior = document.header.superiorBody { lines.append(inline(superior) + "  ") }
        lines += document.header.issuerLines.map { "**\(inline($0))**  " }
        lines += ["", inline(document.header.number), "",
                  "**\(inline(document.header.nationalTitle))**  ", "**\(inline(document.header.motto))**", "",
                  "*\(inline(document.header.placeAndDate))*", "", "# \(inline(document.kind))", "",
                  "**\(inline(document.title))**", ""]
        if let recipient = document.recipient { lines += [inline(recipient), ""] }
        for section in document.sections { render(section, level: 2, into: &lines) }
        for paragraph in document.conclusion { lines += [inline(paragraph), ""] }
        lines.append("***\(inline(document.closing.recipientsLabel))***")
        lines.append("")
        lines += document.closing.recipients.map { "- \(inline($0))" }
        lines.append("")
        lines += document.closing.authority.map { "**\(inline($0))**  " }
        lines += ["", "", "**\(inline(document.closing.signer))**", ""]
        for appendix in document.appendices {
            lines += ["---", "", "## \(inline(appendix.label))", "", "**\(inline(appendix.title))**", "",
                      "*\(inline(appendix.reference))*", ""]
            render(appendix.table, caption: false, into: &lines)
        }
        return lines.joined(separator: "\n")
    }

    private static func render(_ section: ReportSection, level: Int, into lines: inout [String]) {
        if !section.title.isEmpty {
            let number = section.number.isEmpty ? "" : "\(inline(section.number)). "
            lines += ["\(String(repeating: "#", count: level)) \(number)\(inline(section.title))", ""]
        }
        for paragraph in section.paragraphs { lines += [inline(paragraph), ""] }
        for table in section.tables { render(table, into: &lines) }
        for subsection in section.subsections { render(subsection, level: level + 1, into: &lines) }
    }

    private static func render(_ table: ReportTable, caption: Bool = true, into lines: inout [String]) {
        if caption { lines += ["**\(inline(table.title))**", ""] }
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

    /// Text inside a table cell: inline text with `|` escaped, so a name cannot add a column.
    private static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text as written, not as markup: a line break becomes a space (it would end a table row or a paragraph),
    /// the ASCII punctuation that Markdown reads as emphasis, code, a link or raw HTML is escaped with a
    /// backslash, so a name such as `<b>An</b>` or `*Bình*` shows exactly as typed.
    static func inline(_ text: String) -> String {
        var escaped = ""
        for character in text.replacingOccurrences(of: "\r\n", with: " ") {
            switch character {
            case "\n", "\r", "\u{2028}", "\u{2029}": escaped.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "~": escaped += "\\\(character)"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
