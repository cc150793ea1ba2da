import Foundation

/// A print-ready HTML5 document laid out as Decree 30/2020/NĐ-CP sets for administrative documents: A4,
/// Times New Roman, the two-column header, numbered sections, tables with totals, inline SVG charts, the closing.
/// Written as well-formed (polyglot) markup, so it also parses as XML.
public enum HTMLRenderer {
    /// The fonts of every text, Times New Roman first (the decree's font), then serif faces with Vietnamese
    /// glyphs for machines without it (Linux kiosks, LibreOffice): Liberation Serif has its metrics.
    static let fontFamily = #""Times New Roman", Times, "Liberation Serif", "Tinos", "DejaVu Serif", "Noto Serif", serif"#

    /// The whole page: header, title, sections, closing, then each appendix on a page of its own.
    public static func render(_ document: ReportDocument) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="vi" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(e(document.kind)) \(e(document.title))</title>
            <style>\(stylesheet)</style>
            </head>
            <body>
            <main class="page">

            """
        html += header(document.header)
        html += "<div class=\"title\"><p class=\"kind\">\(e(document.kind))</p>"
        html += "<p class=\"summary\">\(e(document.title))</p><hr class=\"short\"/></div>\n"
        if let recipient = document.recipient {
            html += "<p class=\"recipient\">\(e(recipient))</p>\n"
        }
        for section in document.sections {
            html += render(section, level: 1)
        }
        for paragraph in document.conclusion {
            html += "<p class=\"body\">\(e(paragraph))</p>\n"
        }
        html += closing(document.closing)
        for appendix in document.appendices {
            html += "<section class=\"appendix\">\n<p class=\"appendix-label\">\(e(appendix.label))</p>\n"
            html += "<p class=\"appendix-title\">\(e(appendix.title))</p>\n"
            html += "<p class=\"appendix-reference\">\(e(appendix.reference))</p>\n<hr class=\"short\"/>\n"
            html += render(appendix.table, caption: false) + "</section>\n"
        }
        return html + "</main>\n</body>\n</html>\n"
    }

    private static func header(_ header: ReportHeader) -> String {
        var left = ""
        if let superior = header.superiorBody { left += "<p class=\"superior\">\(e(superior))</p>" }
        left += "<p class=\"issuer\">\(header.issuerLines.map(e).joined(separator: "<br/>"))</p><hr class=\"rule-issuer\"/>"
        left += "<p class=\"number\">\(e(header.number))</p>"
        let right = "<p class=\"national\">\(e(header.nationalTitle))</p><p class=\"motto\">\(e(header.motto))</p>"
            + "<hr class=\"rule-motto\"/><p class=\"date\">\(e(header.placeAndDate))</p>"
        return "<header class=\"heading\"><div class=\"left\">\(left)</div><div class=\"right\">\(right)</div></header>\n"
    }

    private static func render(_ section: ReportSection, level: Int) -> String {
        let tag = level == 1 ? "h2" : "h3"
        var html = "<section>\n"
        if !section.title.isEmpty {
            let number = section.number.isEmpty ? "" : "\(e(section.number)). "
            html += "<\(tag)>\(number)\(e(section.title))</\(tag)>\n"
        }
        for paragraph in section.paragraphs {
            html += "<p class=\"body\">\(e(paragraph))</p>\n"
        }
        for table in section.tables {
            html += render(table)
        }
        for chart in section.charts where !chart.bars.isEmpty {
            html += "<figure class=\"chart\">\(SVGBarChart.render(chart))<figcaption>\(e(chart.title))</figcaption></figure>\n"
        }
        for subsection in section.subsections {
            html += render(subsection, level: level + 1)
        }
        return html + "</section>\n"
    }

    /// A table, its title as its caption: inside the table, so a title never stays alone at a page's foot.
    private static func render(_ table: ReportTable, caption: Bool = true) -> String {
        var html = "<table id=\"\(e(table.id))\">\n"
        if caption { html += "<caption>\(e(table.title))</caption>\n" }
        html += "<thead><tr>"
        for column in table.columns {
            html += "<th scope=\"col\">\(e(column.title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        if table.rows.isEmpty {
            html += "<tr><td colspan=\"\(table.columns.count)\" class=\"empty\">—</td></tr>\n"
        }
        for row in table.rows {
            html += "<tr>" + cells(row, table.columns) + "</tr>\n"
        }
        // The total is the table's last body row, not a <tfoot>: browsers repeat a footer on every printed page.
        if let total = table.totalRow {
            html += "<tr class=\"total\">" + cells(total, table.columns) + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private static func cells(_ row: [ReportCell], _ columns: [ReportColumn]) -> String {
        zip(row, columns).map { cell, column in
            let numeric = column.isNumeric && !(cell.isText)
            return "<td\(numeric ? " class=\"n\"" : "")>\(e(cell.display))</td>"
        }.joined()
    }

    private static func closing(_ closing: ReportClosing) -> String {
        var left = "<p class=\"recipients-label\">\(e(closing.recipientsLabel))</p>"
        for recipient in closing.recipients {
            left += "<p class=\"recipient-line\">- \(e(recipient))</p>"
        }
        var right = closing.authority.map { "<p class=\"authority\">\(e($0))</p>" }.joined()
        right += "<div class=\"signature-space\"></div><p class=\"signer\">\(e(closing.signer))</p>"
        return "<footer class=\"closing\"><div class=\"left\">\(left)</div><div class=\"right\">\(right)</div></footer>\n"
    }

    private static func e(_ text: String) -> String { MarkupEscaping.escape(text) }

    /// A4, margins 20/15/20/30 mm, Times New Roman 13–14 pt, page numbers from page 2 on.
    static let stylesheet = """

        @page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font: 13pt \(fontFamily); } }
        @page :first { @top-center { content: none; } }
        html { background: #eee; }
        body { margin: 0; font-family: \(fontFamily); font-size: 14pt; line-height: 1.3; color: #000; }
        .page { background: #fff; width: 165mm; margin: 10mm auto; padding: 20mm 15mm 20mm 30mm; box-sizing: content-box; }
        .heading, .closing { display: flex; justify-content: space-between; gap: 8mm; }
        .heading .left { width: 38%; text-align: center; }
        .heading .right { width: 62%; text-align: center; }
        .national { white-space: nowrap; }
        .heading p { margin: 0; }
        .superior { font-size: 13pt; text-transform: uppercase; }
        .issuer, .national { font-size: 12.5pt; font-weight: bold; text-transform: uppercase; }
        .issuer { white-space: nowrap; }
        .motto { font-size: 14pt; font-weight: bold; }
        .number { font-size: 13pt; margin-top: 4mm !important; white-space: pre; }
        .date { font-style: italic; margin-top: 4mm !important; }
        hr { border: 0; border-top: 1px solid #000; margin: 1mm auto; }
        .rule-issuer { width: 35%; }
        .rule-motto { width: 62%; }
        .title { text-align: center; margin: 10mm 0 6mm; }
        .title p { margin: 0; font-weight: bold; }
        .kind { font-size: 14pt; }
        hr.short { width: 30%; }
        .recipient { text-align: center; }
        h2 { font-size: 14pt; font-weight: bold; text-transform: uppercase; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 14pt; font-weight: bold; margin: 4mm 0 2mm; break-after: avoid; page-break-after: avoid; }
        p.body { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; }
        table { border-collapse: collapse; width: 100%; margin: 3mm 0 5mm; font-size: 11pt; page-break-inside: auto; }
        caption { font-weight: bold; text-align: center; margin-bottom: 2mm; font-size: 13pt; break-after: avoid; page-break-after: avoid; }
        thead { display: table-header-group; break-inside: avoid; }
        th { hyphens: manual; overflow-wrap: normal; word-break: keep-all; }
        .appendix { break-before: page; page-break-before: always; text-align: center; }
        .appendix p { margin: 0; font-weight: bold; }
        .appendix .appendix-reference { font-weight: normal; font-style: italic; }
        .appendix table { text-align: left; }
        th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
        th { font-weight: bold; text-align: center; }
        td.n { text-align: right; white-space: nowrap; }
        td.empty { text-align: center; }
        tr.total td { font-weight: bold; }
        tr { page-break-inside: avoid; }
        figure.chart { margin: 3mm 0 6mm; text-align: center; page-break-inside: avoid; }
        figure.chart svg { max-width: 100%; height: auto; font-family: \(fontFamily); }
        figcaption { font-style: italic; font-size: 12pt; }
        .closing { margin-top: 10mm; page-break-inside: avoid; }
        .closing .left { width: 45%; }
        .closing .right { width: 55%; text-align: center; }
        .closing p { margin: 0; }
        .recipients-label { font-size: 12pt; font-weight: bold; font-style: italic; }
        .recipient-line { font-size: 11pt; }
        .authority { font-size: 13pt; font-weight: bold; text-transform: uppercase; }
        .signature-space { height: 28mm; }
        .signer { font-weight: bold; }
        @media print { html { background: none; } .page { margin: 0; padding: 0; width: auto; } }

        """
}
