public import Foundation

/// Renders a report as a Word document (.docx, WordprocessingML) laid out as Decree 30/2020/NĐ-CP asks of an
/// administrative report: A4 portrait, margins 20/20/30/15 mm, Times New Roman 14, the two-column header, the
/// centred title, numbered sections, bordered tables, the two-column closing, and page numbers centred at the
/// top from page 2 on.
///
/// Charts become tables (label, value, a shaded bar), so the file holds no image and a clerk can still edit it.
public enum DOCXRenderer {
    /// The .docx file of `document`, built in memory.
    ///
    /// The same document always gives the same bytes. Text is written in NFC.
    /// - Throws: `OfficeFileError` when the zip container cannot be assembled.
    public static func render(_ document: ReportDocument) throws -> Data {
        let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var package = OfficePackage()
        package.add("[Content_Types].xml", OfficeXML.contentTypes(overrides: [
            ("/word/document.xml", "\(wordprocessing).document.main+xml"),
            ("/word/styles.xml", "\(wordprocessing).styles+xml"),
            ("/word/settings.xml", "\(wordprocessing).settings+xml"),
            ("/word/fontTable.xml", "\(wordprocessing).fontTable+xml"),
            ("/word/header1.xml", "\(wordprocessing).header+xml"),
            ("/word/header2.xml", "\(wordprocessing).header+xml"),
        ]))
        package.add("_rels/.rels", OfficeXML.relationships([
            .init(id: "rId1", type: "officeDocument", target: "word/document.xml")
        ]))
        package.add("word/document.xml", WordDocumentWriter(document: document).documentXML())
        package.add("word/styles.xml", WordParts.styles)
        package.add("word/settings.xml", WordParts.settings)
        package.add("word/fontTable.xml", WordParts.fontTable)
        package.add("word/header1.xml", WordParts.pageNumberHeader)
        package.add("word/header2.xml", WordParts.firstPageHeader)
        package.add("word/_rels/document.xml.rels", OfficeXML.relationships([
            .init(id: "rId1", type: "styles", target: "styles.xml"),
            .init(id: "rId2", type: "settings", target: "settings.xml"),
            .init(id: WordParts.defaultHeaderID, type: "header", target: "header1.xml"),
            .init(id: WordParts.firstHeaderID, type: "header", target: "header2.xml"),
            .init(id: "rId5", type: "fontTable", target: "fontTable.xml"),
        ]))
        return try package.zipped()
    }
}

// MARK: - Page geometry

/// A4 portrait with the decree's margins, in twips (1/1440 inch); a table too wide for it gets a landscape
/// section of its own, with the same margins.
private enum WordPage {
    static let width = 11906
    static let height = 16838
    static let top = twips(millimetres: 20)
    static let bottom = twips(millimetres: 20)
    static let left = twips(millimetres: 30)
    static let right = twips(millimetres: 15)
    /// Distance from the page's top edge to the page number.
    static let headerDistance = twips(millimetres: 10)
    static let textWidth = width - left - right
    /// The text width of a landscape page.
    static let landscapeTextWidth = height - left - right
    /// 1.27 cm, the first-line indent of body paragraphs.
    static let firstLineIndent = 720

    static func twips(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }
}

// MARK: - Paragraphs and runs

/// Direct formatting of a paragraph; nil leaves the style's value.
private struct ParagraphFormat {
    enum Alignment: String { case left, center, right, both }

    var style: String?
    var keepNext = false
    /// Starts a new page (an appendix).
    var pageBreakBefore = false
    /// A solid line under the (empty) paragraph: the short rules of the header and title.
    var bottomRule = false
    var spaceBefore: Int?
    var spaceAfter: Int?
    /// Exact line height, for the thin paragraphs that carry a rule.
    var exactLineHeight: Int?
    var leftIndent: Int?
    var rightIndent: Int?
    var firstLineIndent: Int?
    var alignment: Alignment?

    /// `<w:pPr>`, children in the order the schema requires.
    var xml: String {
        var xml = ""
        if let style { xml += #"<w:pStyle w:val="\#(style)"/>"# }
        if keepNext { xml += "<w:keepNext/>" }
        if pageBreakBefore { xml += "<w:pageBreakBefore/>" }
        if bottomRule {
            xml += #"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>"#
        }
        var spacing = ""
        if let spaceBefore { spacing += #" w:before="\#(spaceBefore)""# }
        if let spaceAfter { spacing += #" w:after="\#(spaceAfter)""# }
        if let exactLineHeight { spacing += #" w:line="\#(exactLineHeight)" w:lineRule="exact""# }
        if !spacing.isEmpty { xml += "<w:spacing\(spacing)/>" }
        var indent = ""
        if let leftIndent { indent += #" w:left="\#(leftIndent)""# }
        if let rightIndent { indent += #" w:right="\#(rightIndent)""# }
        if let firstLineIndent { indent += #" w:firstLine="\#(firstLineIndent)""# }
        if !indent.isEmpty { xml += "<w:ind\(indent)/>" }
        if let alignment { xml += #"<w:jc w:val="\#(alignment.rawValue)"/>"# }
        return xml.isEmpty ? "" : "<w:pPr>\(xml)</w:pPr>"
    }
}

/// Direct formatting of a run of text.
private struct RunFormat {
    var bold = false
    var italic = false
    /// In points; nil leaves the style's size.
    var points: Double?

    static let plain = RunFormat()

    /// `<w:rPr>`, children in the order the schema requires.
    var xml: String {
        var xml = ""
        if bold { xml += "<w:b/><w:bCs/>" }
        if italic { xml += "<w:i/><w:iCs/>" }
        if let points {
            let halfPoints = Int((points * 2).rounded())
            xml += #"<w:sz w:val="\#(halfPoints)"/><w:szCs w:val="\#(halfPoints)"/>"#
        }
        return xml.isEmpty ? "" : "<w:rPr>\(xml)</w:rPr>"
    }
}

/// A paragraph holding `text`; each line break of `text` becomes a `<w:br/>`.
private func paragraph(_ text: String, _ format: ParagraphFormat = .init(), _ run: RunFormat = .plain) -> String {
    var runs = ""
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if index > 0 { runs += "<w:r>\(run.xml)<w:br/></w:r>" }
        if !line.isEmpty {
            runs += #"<w:r>\#(run.xml)<w:t xml:space="preserve">\#(MarkupEscaping.escape(String(line)))</w:t></w:r>"#
        }
    }
    return "<w:p>\(format.xml)\(runs)</w:p>"
}

/// A short solid rule, `width` twips wide, centred in `available` twips.
private func rule(width: Int, in available: Int, spaceAfter: Int = 0) -> String {
    let indent = max(0, (available - width) / 2)
    let format = ParagraphFormat(
        bottomRule: true, spaceBefore: 0, spaceAfter: spaceAfter, exactLineHeight: 160, leftIndent: indent,
        rightIndent: indent, firstLineIndent: 0)
    return paragraph("", format, RunFormat(points: 2))
}

/// A rough width of `text` set in Times New Roman, in twips: enough to size rules and choose line breaks.
private func estimatedWidth(_ text: String, points: Double, bold: Bool) -> Int {
    var ems = 0.0
    for character in text {
        if character == " " {
            ems += 0.25
        } else if character.isUppercase {
            ems += bold ? 0.72 : 0.68
        } else if character.isLetter || character.isNumber {
            ems += bold ? 0.48 : 0.46
        } else {
            ems += 0.33
        }
    }
    return Int(ems * points * 20)
}

/// `text` on one line if it fits `width`, otherwise on two lines broken at the space that balances them
/// (ỦY BAN NHÂN DÂN / XÃ KIẾN THỤY), as clerks set the issuer's name.
private func balancedLines(_ text: String, width: Int, points: Double, bold: Bool) -> String {
    let words = text.split(separator: " ").map(String.init)
    guard words.count > 1, estimatedWidth(text, points: points, bold: bold) > width else { return text }
    let best = (1..<words.count).min { first, second in
        func longer(_ split: Int) -> Int {
            max(
                estimatedWidth(words[..<split].joined(separator: " "), points: points, bold: bold),
                estimatedWidth(words[split...].joined(separator: " "), points: points, bold: bold))
        }
        return longer(first) < longer(second)
    } ?? 1
    return words[..<best].joined(separator: " ") + "\n" + words[best...].joined(separator: " ")
}

// MARK: - Table cells

/// Cell borders: all sides, none, or the thin left edges of the chart's axis and target.
private enum CellBorder {
    case inherit
    case leftSolid
    case leftDashed

    var xml: String {
        switch self {
        case .inherit: ""
        case .leftSolid: #"<w:tcBorders><w:left w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>"#
        case .leftDashed: #"<w:tcBorders><w:left w:val="dashed" w:sz="8" w:space="0" w:color="C00000"/></w:tcBorders>"#
        }
    }
}

/// A table cell `width` twips wide holding `content` (one or more paragraphs); an empty cell gets an empty
/// paragraph, kept with the next row when `keepNext` (how Word keeps a table together).
private func cell(
    _ content: String, width: Int, span: Int = 1, border: CellBorder = .inherit, fill: String? = nil,
    noMargins: Bool = false, verticallyCentred: Bool = true, keepNext: Bool = false
) -> String {
    var properties = #"<w:tcW w:w="\#(width)" w:type="dxa"/>"#
    if span > 1 { properties += #"<w:gridSpan w:val="\#(span)"/>"# }
    properties += border.xml
    if let fill { properties += #"<w:shd w:val="clear" w:color="auto" w:fill="\#(fill)"/>"# }
    if noMargins {
        properties += #"<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>"#
    }
    if verticallyCentred { properties += #"<w:vAlign w:val="center"/>"# }
    let empty = keepNext ? "<w:p><w:pPr><w:keepNext/></w:pPr></w:p>" : "<w:p/>"
    return "<w:tc><w:tcPr>\(properties)</w:tcPr>\(content.isEmpty ? empty : content)</w:tc>"
}

/// `<w:tbl>` with fixed column widths; `borders` false for the layout tables of the header and closing.
private func table(columnWidths: [Int], borders: Bool, cellMargin: Int, rows: [String]) -> String {
    let total = columnWidths.reduce(0, +)
    let edge = borders ? #"w:val="single" w:sz="4" w:space="0" w:color="000000""# : #"w:val="nil""#
    let borderXML = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(edge)/>" }.joined()
    let properties = #"<w:tblW w:w="\#(total)" w:type="dxa"/><w:jc w:val="center"/>"#
        + "<w:tblBorders>\(borderXML)</w:tblBorders>"
        + #"<w:tblLayout w:type="fixed"/>"#
        + #"<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="\#(cellMargin)" w:type="dxa"/>"#
        + #"<w:bottom w:w="0" w:type="dxa"/><w:right w:w="\#(cellMargin)" w:type="dxa"/></w:tblCellMar>"#
        + #"<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#
    let grid = columnWidths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined()
    return "<w:tbl><w:tblPr>\(properties)</w:tblPr><w:tblGrid>\(grid)</w:tblGrid>\(rows.joined())</w:tbl>"
}

/// `<w:tr>`; a header row repeats on every page a table spans, and no row is split across pages.
private func row(_ cells: [String], isHeader: Bool = false, exactHeight: Int? = nil) -> String {
    var properties = "<w:cantSplit/>"
    if let exactHeight { properties += #"<w:trHeight w:val="\#(exactHeight)" w:hRule="exact"/>"# }
    if isHeader { properties += "<w:tblHeader/>" }
    return "<w:tr><w:trPr>\(properties)</w:trPr>\(cells.joined())</w:tr>"
}

// MARK: - The document part

/// Writes `word/document.xml` for one report.
private final class WordDocumentWriter {
    let document: ReportDocument
    /// Sections closed so far: the first carries the empty first-page header and starts the page numbers.
    private var closedSections = 0
    /// Whether the section being written is landscape.
    private var inLandscape = false

    init(document: ReportDocument) {
        self.document = document
    }

    /// Cell padding of the bordered tables (1.5 mm).
    private let tableCellMargin = 85
    /// Font size of table text.
    private let tablePoints = 12.0

    func documentXML() -> String {
        var body = header() + title()
        for (index, section) in document.sections.enumerated() {
            // A report without a request ends with its last section: its last paragraph goes with the signature.
            let leadsToSignature = index == document.sections.count - 1 && document.conclusion.isEmpty
            body += self.section(section, depth: 0, leadsToSignature: leadsToSignature)
        }
        // The request and the signature always stand on a portrait page.
        body += orientation(landscape: false)
        // The request goes with the signature block: never a signature alone on its page.
        for text in document.conclusion {
            body += paragraph(text, ParagraphFormat(style: "ReportBody", keepNext: true))
        }
        body += closing()
        for appendix in document.appendices {
            body += self.appendix(appendix)
        }
        // The last section's properties close the body (a wide appendix ends the document on a landscape page).
        return OfficeXML.declaration
            + #"<w:document xmlns:w="\#(WordParts.namespace)" xmlns:r="\#(OfficeXML.officeRelationshipsNamespace)">"#
            + "<w:body>\(body)\(sectionProperties(landscape: inLandscape))</w:body></w:document>"
    }

    /// `<w:sectPr>` of the section now ending: A4 with the decree's margins, portrait or landscape. Only the
    /// first section has a first page of its own (no number on page 1) and starts the numbering at 1.
    private func sectionProperties(landscape: Bool) -> String {
        let first = closedSections == 0
        var xml = #"<w:headerReference w:type="default" r:id="\#(WordParts.defaultHeaderID)"/>"#
        if first { xml += #"<w:headerReference w:type="first" r:id="\#(WordParts.firstHeaderID)"/>"# }
        xml += landscape
            ? #"<w:pgSz w:w="\#(WordPage.height)" w:h="\#(WordPage.width)" w:orient="landscape"/>"#
            : #"<w:pgSz w:w="\#(WordPage.width)" w:h="\#(WordPage.height)"/>"#
        xml += #"<w:pgMar w:top="\#(WordPage.top)" w:right="\#(WordPage.right)" w:bottom="\#(WordPage.bottom)" "#
            + #"w:left="\#(WordPage.left)" w:header="\#(WordPage.headerDistance)" "#
            + #"w:footer="\#(WordPage.headerDistance)" w:gutter="0"/>"#
        if first { xml += #"<w:pgNumType w:start="1"/><w:titlePg/>"# }
        return "<w:sectPr>\(xml)</w:sectPr>"
    }

    /// An empty paragraph that ends the current section (whose orientation is `landscape`); what follows
    /// starts a new page.
    private func sectionBreak(landscape: Bool) -> String {
        let xml = #"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>"# + sectionProperties(landscape: landscape)
            + "</w:pPr></w:p>"
        closedSections += 1
        inLandscape = !landscape
        return xml
    }

    /// Switches to a landscape or portrait section when the content needs the other orientation.
    private func orientation(landscape: Bool) -> String {
        landscape == inLandscape ? "" : sectionBreak(landscape: inLandscape)
    }

    // MARK: Header

    /// The issuer and the state side by side, then "Số: …" and the place and date on one line.
    private func header() -> String {
        let leftWidth = 3828  // 6.75 cm
        let rightWidth = WordPage.textWidth - leftWidth
        let header = document.header
        let centred = ParagraphFormat(spaceBefore: 0, spaceAfter: 0, firstLineIndent: 0, alignment: .center)
        let namePoints = 12.0

        var issuer = ""
        if let superior = header.superiorBody?.trimmingCharacters(in: .whitespaces), !superior.isEmpty {
            let text = balancedLines(uppercased(superior), width: leftWidth, points: namePoints, bold: false)
            issuer += paragraph(text, centred, RunFormat(points: namePoints))
        }
        let issuerText = header.issuerLines.map(uppercased).joined(separator: "\n")
        issuer += paragraph(issuerText, centred, RunFormat(bold: true, points: namePoints))
        let issuerLineWidth = issuerText.split(separator: "\n")
            .map { estimatedWidth(String($0), points: namePoints, bold: true) }.max() ?? 0
        issuer += rule(width: min(issuerLineWidth, leftWidth) * 2 / 5, in: leftWidth)

        var state = paragraph(uppercased(header.nationalTitle), centred, RunFormat(bold: true, points: namePoints))
        state += paragraph(header.motto, centred, RunFormat(bold: true, points: 13))
        let mottoWidth = estimatedWidth(header.motto, points: 13, bold: true)
        state += rule(width: min(mottoWidth, rightWidth), in: rightWidth)

        var dateLine = centred
        dateLine.spaceBefore = 120
        let rows = [
            row([cell(issuer, width: leftWidth, verticallyCentred: false),
                 cell(state, width: rightWidth, verticallyCentred: false)]),
            row([cell(paragraph(header.number, dateLine, RunFormat(points: 13)), width: leftWidth),
                 cell(paragraph(header.placeAndDate, dateLine, RunFormat(italic: true, points: 14)), width: rightWidth)]),
        ]
        return table(columnWidths: [leftWidth, rightWidth], borders: false, cellMargin: 0, rows: rows)
    }

    // MARK: Title

    /// BÁO CÁO, the summary line, a short rule, and "Kính gửi: …" when the report goes upward.
    private func title() -> String {
        var centred = ParagraphFormat(spaceBefore: 360, spaceAfter: 0, firstLineIndent: 0, alignment: .center)
        var xml = paragraph(uppercased(document.kind), centred, RunFormat(bold: true, points: 14))
        centred.spaceBefore = 0
        xml += paragraph(document.title, centred, RunFormat(bold: true, points: 14))
        let titleWidth = min(estimatedWidth(document.title, points: 14, bold: true), WordPage.textWidth)
        xml += rule(width: max(titleWidth / 3, 1134), in: WordPage.textWidth, spaceAfter: 240)
        if let recipient = document.recipient?.trimmingCharacters(in: .whitespaces), !recipient.isEmpty {
            let line = recipient.hasPrefix("Kính gửi") ? recipient : "Kính gửi: \(recipient)"
            centred.spaceAfter = 240
            xml += paragraph(line, centred, RunFormat(points: 14))
        }
        return xml
    }

    // MARK: Sections

    /// A heading (I. TITLE, 1. Title, a) Title), its paragraphs, tables and charts, then its subsections.
    private func section(_ section: ReportSection, depth: Int, leadsToSignature: Bool = false) -> String {
        let number = section.number.trimmingCharacters(in: .whitespaces)
        let heading: String
        switch depth {
        case 0: heading = number.isEmpty ? uppercased(section.title) : "\(number). \(uppercased(section.title))"
        case 1: heading = number.isEmpty ? section.title : "\(number). \(section.title)"
        default:
            let mark = number.allSatisfy(\.isLetter) ? ")" : "."
            heading = number.isEmpty ? section.title : "\(number)\(mark) \(section.title)"
        }
        // A heading goes with what follows it: onto the landscape page of a wide table it directly heads. Running
        // text goes back to portrait; a narrow table or a chart stays on the page it comes to, whichever way it
        // turns, so that a report does not start a new page at every change.
        let headsWideTable = section.paragraphs.isEmpty && section.tables.first.map { layout($0).landscape } == true
        var xml = ""
        if headsWideTable {
            xml += orientation(landscape: true)
        } else if !section.paragraphs.isEmpty {
            xml += orientation(landscape: false)
        }
        if !section.title.isEmpty {
            // Kept with the next paragraph directly too: LibreOffice does not always honour it from the style alone.
            xml += paragraph(heading, ParagraphFormat(style: "Heading\(min(depth, 2) + 1)", keepNext: true))
        }
        let endsDocument = leadsToSignature && section.tables.isEmpty && section.charts.isEmpty
            && section.subsections.isEmpty
        for (index, text) in section.paragraphs.enumerated() {
            // Never a signature alone on its page: the closing paragraph keeps with it.
            let keepNext = endsDocument && index == section.paragraphs.count - 1
            xml += paragraph(text, ParagraphFormat(style: "ReportBody", keepNext: keepNext))
        }
        for reportTable in section.tables {
            xml += self.reportTable(reportTable)
        }
        for chart in section.charts {
            xml += self.chart(chart)
        }
        for (index, subsection) in section.subsections.enumerated() {
            xml += self.section(subsection, depth: depth + 1,
                                leadsToSignature: leadsToSignature && index == section.subsections.count - 1)
        }
        return xml
    }

    // MARK: Tables

    /// The caption, then a bordered table: header row bold and centred, figures right-aligned, total row bold;
    /// on a landscape page when its columns do not fit a portrait one.
    private func reportTable(_ reportTable: ReportTable, caption: Bool = true) -> String {
        let layout = layout(reportTable)
        var xml = layout.landscape ? orientation(landscape: true) : ""
        if caption {
            xml += paragraph(reportTable.title, ParagraphFormat(style: "ReportCaption"), RunFormat(bold: true))
        }
        guard !layout.widths.isEmpty else { return xml }
        let columns = layout.columns
        let widths = layout.widths

        func cellParagraph(_ text: String, alignment: ParagraphFormat.Alignment, bold: Bool, keepNext: Bool = false)
            -> String
        {
            paragraph(text, ParagraphFormat(style: "ReportTableText", keepNext: keepNext, alignment: alignment),
                      RunFormat(bold: bold, points: tablePoints))
        }
        // The header row keeps with the first row, so a page never ends on a lone header.
        var rows = [row(columns.indices.map { index in
            cell(cellParagraph(columns[index].title, alignment: .center, bold: true, keepNext: true),
                 width: widths[index])
        }, isHeader: true)]
        for (rowIndex, cells) in reportTable.allRows.enumerated() {
            let isTotal = reportTable.totalRow != nil && rowIndex == reportTable.rows.count
            rows.append(row(columns.indices.map { index in
                let text = index < cells.count ? cells[index].display : ""
                let alignment: ParagraphFormat.Alignment = columns[index].isNumeric ? .right : .left
                return cell(cellParagraph(text, alignment: alignment, bold: isTotal), width: widths[index])
            }))
        }
        xml += table(columnWidths: widths, borders: true, cellMargin: tableCellMargin, rows: rows)
        return xml + spacerAfterTable()
    }

    /// A table's columns, their widths, and whether it needs a landscape page.
    private struct TableLayout {
        var columns: [ReportColumn]
        var widths: [Int]
        var landscape: Bool
    }

    /// Widths from the content: each column at least as wide as its longest heading word and, for figures, its
    /// longest figure (a word or a number is never broken); a figure column is widened so its heading takes at
    /// most three lines, a text column towards its longest cell. When that does not fit the portrait text width
    /// the table goes landscape; the room left is shared out, text columns first.
    private func layout(_ reportTable: ReportTable) -> TableLayout {
        let columnCount = max(reportTable.columns.count, reportTable.allRows.map(\.count).max() ?? 0)
        let columns = (0..<columnCount).map { index in
            index < reportTable.columns.count ? reportTable.columns[index] : ReportColumn("", numeric: false)
        }
        guard columnCount > 0 else { return TableLayout(columns: [], widths: [], landscape: false) }
        let padding = 2 * tableCellMargin + 80
        var needed: [Int] = []
        var comfortable: [Int] = []
        for (index, column) in columns.enumerated() {
            let cells = reportTable.allRows.compactMap { index < $0.count ? $0[index].display : nil }
            let headingWords = column.title.split(separator: " ").map(String.init)
            let longestHeadingWord = headingWords.map { tableTextWidth($0, bold: true) }.max() ?? 0
            if column.isNumeric {
                // Figures are never wrapped: the whole figure, bold as in the total row.
                let longestFigure = cells.map { tableTextWidth($0, bold: true, figure: true) }.max() ?? 0
                let minimum = max(longestHeadingWord, longestFigure) + padding
                needed.append(minimum)
                comfortable.append(max(minimum, headingWidth(headingWords, lines: 3) + padding))
            } else {
                let longestWord = cells.flatMap { $0.split(separator: " ") }
                    .map { tableTextWidth(String($0), bold: true) }.max() ?? 0
                let minimum = max(longestHeadingWord, longestWord) + padding
                let longestCell = cells.map { tableTextWidth($0, bold: false) }.max() ?? 0
                needed.append(minimum)
                comfortable.append(max(minimum, min(longestCell + padding, 2835)))  // up to 5 cm
            }
        }
        let landscape = comfortable.reduce(0, +) > WordPage.textWidth
        let available = landscape ? WordPage.landscapeTextWidth : WordPage.textWidth
        var widths = needed
        var room = available - widths.reduce(0, +)
        if room > 0 {
            // Towards the comfortable widths first, in proportion to what each column lacks.
            let lacking = zip(comfortable, widths).map { max(0, $0 - $1) }
            let totalLacking = lacking.reduce(0, +)
            if totalLacking > 0 {
                let share = min(room, totalLacking)
                for index in widths.indices { widths[index] += share * lacking[index] / totalLacking }
                room = available - widths.reduce(0, +)
            }
            // Then the rest to the text columns (or to every column when all hold figures).
            let receivers = columns.indices.filter { !columns[$0].isNumeric }
            let targets = receivers.isEmpty ? Array(columns.indices) : receivers
            for index in targets { widths[index] += room / targets.count }
            widths[targets[targets.count - 1]] += available - widths.reduce(0, +)
        }
        return TableLayout(columns: columns, widths: widths, landscape: landscape)
    }

    /// The narrowest width in which `words` fit on at most `lines` lines without breaking a word.
    private func headingWidth(_ words: [String], lines: Int) -> Int {
        let whole = tableTextWidth(words.joined(separator: " "), bold: true)
        var width = words.map { tableTextWidth($0, bold: true) }.max() ?? 0
        while width < whole {
            var count = 1
            var line = 0
            for word in words {
                let wordWidth = tableTextWidth(word, bold: true)
                let space = tableTextWidth(" ", bold: true)
                if line > 0 && line + space + wordWidth > width {
                    count += 1
                    line = wordWidth
                } else {
                    line += (line > 0 ? space : 0) + wordWidth
                }
            }
            if count <= lines { return width }
            width += 20
        }
        return whole
    }

    /// The width of `text` in the table's font, in twips, erring wide: Times New Roman's figures are half an
    /// em, its letters under 0.56 em in bold but for m, w and the widest capitals. In a `figure`, dots and
    /// commas count as figures too, and the dash of an absent value as a whole em.
    private func tableTextWidth(_ text: String, bold: Bool, figure: Bool = false) -> Int {
        var ems = 0.0
        for character in text {
            if figure {
                ems += character == "—" ? 1 : 0.5
                continue
            }
            switch character {
            case " ": ems += 0.25
            case ".", ",", ":", ";", "'", "!", "|": ems += 0.28
            case "(", ")", "[", "]", "-", "/": ems += 0.36
            case "%", "m", "M", "w", "W", "—": ems += 1
            default:
                if character.isNumber {
                    ems += 0.5
                } else if character.isUppercase {
                    ems += 0.78
                } else if character.isLetter {
                    ems += bold ? 0.56 : 0.5
                } else {
                    ems += 0.56
                }
            }
        }
        return Int((ems * tablePoints * 20).rounded(.up))
    }

    /// A thin empty paragraph, so that a table never touches the next one (Word would merge them).
    private func spacerAfterTable() -> String {
        paragraph("", ParagraphFormat(spaceBefore: 0, spaceAfter: 0, exactLineHeight: 120), RunFormat(points: 6))
    }

    // MARK: Charts

    /// A bar chart as a borderless table: the label, the value in percent, and a bar drawn as a shaded cell
    /// whose width is the value's share of the bar area. The target, if any, is a dashed line across the bars.
    private func chart(_ chart: BarChart) -> String {
        var xml = paragraph(chart.title, ParagraphFormat(style: "ReportCaption"), RunFormat(bold: true))
        guard !chart.bars.isEmpty else { return xml }
        let labelWidth = 3686  // 6.5 cm
        let valueWidth = 1021  // 1.8 cm
        let barArea = WordPage.textWidth - labelWidth - valueWidth
        /// Where `percent` falls in the bar area, in twips from its left edge.
        func position(_ percent: Double) -> Int {
            guard percent.isFinite else { return 0 }
            return Int((min(max(percent, 0), 100) / 100 * Double(barArea)).rounded())
        }
        let target = chart.target.map(position).flatMap { $0 > 0 && $0 < barArea ? $0 : nil }
        // Every bar end and the target line need a grid column boundary.
        var boundaries = Set([0, barArea])
        for bar in chart.bars { boundaries.insert(position(bar.value)) }
        if let target { boundaries.insert(target) }
        let stops = boundaries.sorted()
        let gridWidths = [labelWidth, valueWidth] + zip(stops, stops.dropFirst()).map { $1 - $0 }

        /// The bar area of one row: cells between the row's own stops, shaded up to `end`.
        func barCells(end: Int, keepNext: Bool = true) -> [String] {
            let rowStops = Set([0, barArea, end] + (target.map { [$0] } ?? [])).sorted()
            return zip(rowStops, rowStops.dropFirst()).map { start, stop in
                let span = stops.filter { $0 >= start && $0 < stop }.count
                let border: CellBorder = start == 0 ? .leftSolid : (start == target ? .leftDashed : .inherit)
                return cell("", width: stop - start, span: span, border: border,
                            fill: stop <= end ? "7F7F7F" : nil, noMargins: true, keepNext: keepNext)
            }
        }
        // Every row but the last keeps with the next: the chart is never split across pages.
        let labelFormat = ParagraphFormat(style: "ReportTableText", keepNext: true, alignment: .left)
        let valueFormat = ParagraphFormat(style: "ReportTableText", keepNext: true, alignment: .right)
        func gap(last: Bool = false) -> String {
            row([cell("", width: labelWidth, keepNext: !last), cell("", width: valueWidth, keepNext: !last)]
                + barCells(end: 0, keepNext: !last), exactHeight: 60)
        }
        var rows = [gap()]
        for (index, bar) in chart.bars.enumerated() {
            let value = bar.value.isFinite ? VietnameseFormat.decimal(bar.value) + "%" : "—"
            rows.append(row([
                cell(paragraph(bar.label, labelFormat, RunFormat(points: tablePoints)), width: labelWidth),
                cell(paragraph(value, valueFormat, RunFormat(points: tablePoints)), width: valueWidth),
            ] + barCells(end: position(bar.value))))
            rows.append(gap(last: target == nil && index == chart.bars.count - 1))
        }
        if let targetValue = chart.target, target != nil {
            let value = "\(VietnameseFormat.decimal(targetValue))%"
            let note = chart.targetLabel.map { "\($0): \(value)" } ?? value
            var noteFormat = labelFormat
            noteFormat.keepNext = false
            rows.append(row([
                cell(paragraph(note, noteFormat, RunFormat(italic: true, points: 11)), width: labelWidth + valueWidth,
                     span: 2),
            ] + barCells(end: 0, keepNext: false)))
        }
        xml += table(columnWidths: gridWidths, borders: false, cellMargin: 57, rows: rows)
        return xml + spacerAfterTable()
    }

    // MARK: Appendices

    /// On a new page: "PHỤ LỤC", the title, "(Kèm theo … số …)" in italics, a short rule, then the table.
    private func appendix(_ appendix: ReportAppendix) -> String {
        let landscape = layout(appendix.table).landscape
        var xml = orientation(landscape: landscape)
        var centred = ParagraphFormat(keepNext: true, spaceBefore: 0, spaceAfter: 0, firstLineIndent: 0,
                                      alignment: .center)
        // A section break already starts a page; otherwise the label asks for one.
        centred.pageBreakBefore = xml.isEmpty
        xml += paragraph(appendix.label, centred, RunFormat(bold: true, points: 14))
        centred.pageBreakBefore = false
        xml += paragraph(appendix.title, centred, RunFormat(bold: true, points: 14))
        xml += paragraph(appendix.reference, centred, RunFormat(italic: true, points: 14))
        let width = landscape ? WordPage.landscapeTextWidth : WordPage.textWidth
        xml += rule(width: 1701, in: width, spaceAfter: 240)
        return xml + reportTable(appendix.table, caption: false)
    }

    // MARK: Closing

    /// "Nơi nhận:" and the recipients on the left; the authority, room to sign, and the signer on the right.
    private func closing() -> String {
        let closing = document.closing
        let leftWidth = 4253  // 7.5 cm
        let rightWidth = WordPage.textWidth - leftWidth
        let flush = ParagraphFormat(spaceBefore: 0, spaceAfter: 0, firstLineIndent: 0, alignment: .left)
        var recipients = ""
        if !closing.recipientsLabel.isEmpty {
            var labelFormat = flush
            labelFormat.spaceBefore = 240
            recipients += paragraph(closing.recipientsLabel, labelFormat, RunFormat(bold: true, italic: true, points: 12))
        }
        for line in closing.recipients {
            recipients += paragraph("- " + line, flush, RunFormat(points: 11))
        }

        var centred = ParagraphFormat(spaceBefore: 240, spaceAfter: 0, firstLineIndent: 0, alignment: .center)
        var authority = ""
        for line in closing.authority {
            authority += paragraph(uppercased(line), centred, RunFormat(bold: true, points: 14))
            centred.spaceBefore = 0
        }
        centred.spaceBefore = 1701  // 3 cm for the signature and the seal
        authority += paragraph(closing.signer, centred, RunFormat(bold: true, points: 14))

        let rows = [row([cell(recipients, width: leftWidth, verticallyCentred: false),
                         cell(authority, width: rightWidth, verticallyCentred: false)])]
        return table(columnWidths: [leftWidth, rightWidth], borders: false, cellMargin: 0, rows: rows)
            + paragraph("", ParagraphFormat(spaceBefore: 0, spaceAfter: 0))
    }

    /// Capitals as Vietnamese writes them (đ → Đ).
    private func uppercased(_ text: String) -> String {
        text.uppercased(with: Locale(identifier: "vi_VN"))
    }
}

// MARK: - Fixed parts

/// The parts that do not depend on the report.
private enum WordParts {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let defaultHeaderID = "rId3"
    static let firstHeaderID = "rId4"

    /// Times New Roman 14 everywhere; body paragraphs justified with a 1.27 cm first-line indent and 6 pt after;
    /// headings bold, in Word's outline; captions and table text.
    static let styles: String = {
        let font = #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#
        func heading(_ level: Int, italic: Bool) -> String {
            #"<w:style w:type="paragraph" w:styleId="Heading\#(level)"><w:name w:val="heading \#(level)"/>"#
                + #"<w:basedOn w:val="Normal"/><w:next w:val="ReportBody"/><w:uiPriority w:val="9"/><w:qFormat/>"#
                + #"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="120"/>"#
                + #"<w:ind w:firstLine="\#(WordPage.firstLineIndent)"/><w:jc w:val="both"/>"#
                + #"<w:outlineLvl w:val="\#(level - 1)"/></w:pPr>"#
                + "<w:rPr><w:b/><w:bCs/>\(italic ? "<w:i/><w:iCs/>" : "")</w:rPr></w:style>"
        }
        return OfficeXML.declaration
            + #"<w:styles xmlns:w="\#(namespace)">"#
            + "<w:docDefaults><w:rPrDefault><w:rPr>\(font)"
            + #"<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>"#
            + "</w:rPr></w:rPrDefault>"
            + #"<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>"#
            + "</w:docDefaults>"
            + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
            + #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">"#
            + #"<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#
            + #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>"#
            + #"<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>"#
            + #"<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>"#
            + #"<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
            + #"<w:style w:type="paragraph" w:customStyle="1" w:styleId="ReportBody"><w:name w:val="Report Body"/>"#
            + #"<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="120" w:line="276" w:lineRule="auto"/>"#
            + #"<w:ind w:firstLine="\#(WordPage.firstLineIndent)"/><w:jc w:val="both"/></w:pPr></w:style>"#
            + heading(1, italic: false) + heading(2, italic: false) + heading(3, italic: true)
            + #"<w:style w:type="paragraph" w:customStyle="1" w:styleId="ReportCaption"><w:name w:val="Report Caption"/>"#
            + #"<w:basedOn w:val="Normal"/><w:next w:val="ReportBody"/><w:pPr><w:keepNext/><w:keepLines/>"#
            + #"<w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/></w:pPr>"#
            + #"<w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>"#
            + #"<w:style w:type="paragraph" w:customStyle="1" w:styleId="ReportTableText"><w:name w:val="Report Table Text"/>"#
            + #"<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr>"#
            + #"<w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>"#
            + #"<w:pPr><w:jc w:val="center"/></w:pPr></w:style>"#
            + "</w:styles>"
    }()

    /// Times New Roman described as a proportional serif (family "roman", its PANOSE), with the
    /// metric-compatible Liberation Serif as its alternative: where Times New Roman is missing (a Linux kiosk,
    /// LibreOffice) the text is set in a serif with Vietnamese glyphs and the same widths, not in a sans face.
    static let fontTable = OfficeXML.declaration
        + #"<w:fonts xmlns:w="\#(namespace)">"#
        + #"<w:font w:name="Times New Roman"><w:altName w:val="Liberation Serif"/>"#
        + #"<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/>"#
        + #"<w:pitch w:val="variable"/></w:font>"#
        + #"<w:font w:name="Liberation Serif"><w:altName w:val="DejaVu Serif"/><w:charset w:val="00"/>"#
        + #"<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#
        + "</w:fonts>"

    static let settings = OfficeXML.declaration
        + #"<w:settings xmlns:w="\#(namespace)"><w:defaultTabStop w:val="720"/>"#
        + #"<w:characterSpacingControl w:val="doNotCompress"/>"#
        + #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
        + #"<w:themeFontLang w:val="vi-VN"/></w:settings>"#

    /// The page number, centred in the top margin (used from page 2 on: the first page has its own header).
    static let pageNumberHeader = OfficeXML.declaration
        + #"<w:hdr xmlns:w="\#(namespace)" xmlns:r="\#(OfficeXML.officeRelationshipsNamespace)">"#
        + #"<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>"#
        + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#
        + #"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#
        + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>"#
        + #"<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#

    /// The first page's header: empty, since page 1 carries no number.
    static let firstPageHeader = OfficeXML.declaration
        + #"<w:hdr xmlns:w="\#(namespace)" xmlns:r="\#(OfficeXML.officeRelationshipsNamespace)"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p></w:hdr>"#
}
