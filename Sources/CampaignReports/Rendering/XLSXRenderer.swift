public import Foundation

/// Renders the tables of a report as an Excel workbook (.xlsx, SpreadsheetML): one sheet per table, in reading
/// order, with the table's title in A1 (bold), its header row, its rows and its total row.
///
/// Figures are numeric cells holding the plain values (`ReportCell.plain`), so they add up in a spreadsheet;
/// the number formats show them grouped and with one decimal in the reader's locale. Text is written as inline
/// strings.
public enum XLSXRenderer {
    /// The .xlsx file of `document`'s tables, built in memory.
    ///
    /// A report without tables gives a workbook with one sheet holding its title, since a workbook needs one.
    /// The same document always gives the same bytes.
    /// - Throws: `OfficeFileError` when the zip container cannot be assembled.
    public static func render(_ document: ReportDocument) throws -> Data {
        try render(tables: document.tables, title: document.title, sheetName: document.kind)
    }

    /// The .xlsx file of `tables`, one sheet each; without tables, one sheet named `sheetName` (`title` when nil)
    /// holding `title` in A1.
    public static func render(tables: [ReportTable], title: String, sheetName: String? = nil) throws -> Data {
        let sheets: [(name: String, xml: String)]
        if tables.isEmpty {
            let name = SheetNames.unique(for: [(id: "", title: sheetName ?? title)])[0]
            sheets = [(name, SheetWriter.titleOnly(title, selected: true))]
        } else {
            let names = SheetNames.unique(for: tables.map { (id: $0.id, title: $0.title) })
            sheets = tables.enumerated().map { index, table in
                (names[index], SheetWriter(table: table).xml(selected: index == 0))
            }
        }

        let spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var package = OfficePackage()
        package.add("[Content_Types].xml", OfficeXML.contentTypes(
            overrides: [
                ("/xl/workbook.xml", "\(spreadsheet).sheet.main+xml"),
                ("/xl/styles.xml", "\(spreadsheet).styles+xml"),
            ] + sheets.indices.map { ("/xl/worksheets/sheet\($0 + 1).xml", "\(spreadsheet).worksheet+xml") }
        ))
        package.add("_rels/.rels", OfficeXML.relationships([
            .init(id: "rId1", type: "officeDocument", target: "xl/workbook.xml")
        ]))
        package.add("xl/workbook.xml", workbook(sheetNames: sheets.map(\.name)))
        package.add("xl/_rels/workbook.xml.rels", OfficeXML.relationships(
            sheets.indices.map { .init(id: "rId\($0 + 1)", type: "worksheet", target: "worksheets/sheet\($0 + 1).xml") }
                + [.init(id: "rId\(sheets.count + 1)", type: "styles", target: "styles.xml")]
        ))
        package.add("xl/styles.xml", SpreadsheetStyles.xml)
        for (index, sheet) in sheets.enumerated() {
            package.add("xl/worksheets/sheet\(index + 1).xml", sheet.xml)
        }
        return try package.zipped()
    }

    private static func workbook(sheetNames: [String]) -> String {
        let sheets = sheetNames.enumerated().map { index, name in
            #"<sheet name="\#(MarkupEscaping.escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        return OfficeXML.declaration
            + #"<workbook xmlns="\#(SpreadsheetStyles.namespace)" xmlns:r="\#(OfficeXML.officeRelationshipsNamespace)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>\#(sheets)</sheets></workbook>"#
    }
}

// MARK: - Sheet names

/// Sheet names Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, not starting or ending with an
/// apostrophe, unique regardless of case.
private enum SheetNames {
    static let maximumLength = 31

    /// A name for each table, from its title (its id when the title leaves nothing), made unique with " (2)" …
    static func unique(for tables: [(id: String, title: String)]) -> [String] {
        var used = Set<String>()
        var names: [String] = []
        for (index, table) in tables.enumerated() {
            let base = [cleaned(table.title), cleaned(table.id)].first { !$0.isEmpty } ?? "Sheet\(index + 1)"
            var name = truncated(base, to: maximumLength)
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(counter))"
                name = truncated(base, to: maximumLength - suffix.utf16.count) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            names.append(name)
        }
        return names
    }

    /// `text` in NFC without the forbidden characters, controls and outer apostrophes, spaces collapsed.
    static func cleaned(_ text: String) -> String {
        let forbidden = Set<Character>(["[", "]", ":", "*", "?", "/", "\\"])
        let replaced = String(text.precomposedStringWithCanonicalMapping.map { character in
            forbidden.contains(character) || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
                ? " " : character
        })
        let collapsed = replaced.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.trimmingCharacters(in: CharacterSet(charactersIn: "' "))
    }

    /// `text` cut to `limit` UTF-16 units (Excel's measure), at a word boundary when one is near enough.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var cut = ""
        for character in text {
            if cut.utf16.count + character.utf16.count > limit { break }
            cut.append(character)
        }
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= limit * 2 / 3 {
            cut = String(cut[..<space])
        }
        return cut.trimmingCharacters(in: CharacterSet(charactersIn: "' .,-"))
    }
}

// MARK: - Worksheets

/// Writes one worksheet: the title in A1, a blank row, the header row, the rows, the total row.
private struct SheetWriter {
    let table: ReportTable

    /// Row of the column headings (1-based); the title is in row 1.
    static let headerRow = 3

    private var columnCount: Int {
        max(table.columns.count, table.allRows.map(\.count).max() ?? 0, 1)
    }

    func xml(selected: Bool) -> String {
        let count = columnCount
        let widths = columnWidths(count: count)
        var rows = [Self.row(1, [Self.inlineString("A1", table.title, style: SpreadsheetStyles.title)])]
        let titles = (0..<count).map { index in index < table.columns.count ? table.columns[index].title : "" }
        let headings = titles.enumerated().map { index, title in
            Self.inlineString(
                Self.reference(column: index, row: Self.headerRow), title, style: SpreadsheetStyles.header)
        }
        rows.append(Self.row(Self.headerRow, headings, height: Self.height(of: titles, widths: widths, always: true)))
        for (offset, cells) in table.allRows.enumerated() {
            let rowNumber = Self.headerRow + 1 + offset
            let isTotal = table.totalRow != nil && offset == table.rows.count
            let xml = (0..<count).map { index in
                Self.cell(index < cells.count ? cells[index] : .text(""),
                          reference: Self.reference(column: index, row: rowNumber), isTotal: isTotal)
            }
            let texts = (0..<count).map { index -> String in
                guard index < cells.count, case .text(let text) = cells[index] else { return "" }
                return text
            }
            rows.append(Self.row(rowNumber, xml, height: Self.height(of: texts, widths: widths, always: false)))
        }
        let lastRow = Self.headerRow + table.allRows.count
        let dimension = "A1:\(Self.reference(column: count - 1, row: lastRow))"
        let pane = #"<pane ySplit="\#(Self.headerRow)" topLeftCell="A\#(Self.headerRow + 1)" "#
            + #"activePane="bottomLeft" state="frozen"/>"#
        return Self.worksheet(
            dimension: dimension, selected: selected, pane: pane, columns: Self.columns(widths),
            rows: rows.joined())
    }

    /// A sheet holding only `title` in A1, for a report without tables.
    static func titleOnly(_ title: String, selected: Bool) -> String {
        worksheet(dimension: "A1", selected: selected, pane: "", columns: "",
                  rows: row(1, [inlineString("A1", title, style: SpreadsheetStyles.title)]))
    }

    private static func worksheet(dimension: String, selected: Bool, pane: String, columns: String, rows: String)
        -> String
    {
        OfficeXML.declaration
            + #"<worksheet xmlns="\#(SpreadsheetStyles.namespace)" xmlns:r="\#(OfficeXML.officeRelationshipsNamespace)">"#
            + #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="\#(dimension)"/>"#
            + #"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0">\#(pane)</sheetView></sheetViews>"#
            + #"<sheetFormatPr defaultRowHeight="15.75"/>"#
            + columns
            + "<sheetData>\(rows)</sheetData>"
            + #"<pageMargins left="0.7" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
            + #"<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>"#
            + "</worksheet>"
    }

    /// Widths in characters, wide enough for the longest value; headings wrap, so they count for half.
    private func columnWidths(count: Int) -> [Double] {
        (0..<count).map { index in
            let longestCell = table.allRows.compactMap { index < $0.count ? $0[index].display.count : nil }.max() ?? 0
            let title = index < table.columns.count ? table.columns[index].title : ""
            let longestWord = title.split(separator: " ").map(\.count).max() ?? 0
            let characters = max(longestCell, longestWord, title.count / 2)
            return min(max(Double(characters) * 1.1 + 2, 8), 60)
        }
    }

    private static func columns(_ widths: [Double]) -> String {
        let columns = widths.enumerated().map { index, width in
            #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(String(format: "%.1f", width))" customWidth="1"/>"#
        }
        return "<cols>\(columns.joined())</cols>"
    }

    /// `<row>`, with an explicit height in points when given.
    private static func row(_ number: Int, _ cells: [String], height: Double? = nil) -> String {
        let height = height.map { #" ht="\#(String(format: "%.2f", $0))" customHeight="1""# } ?? ""
        return #"<row r="\#(number)"\#(height)>\#(cells.joined())</row>"#
    }

    /// The height a row needs for `texts` to wrap inside `widths`, or nil for one line unless `always`.
    ///
    /// Spreadsheet programs do not all fit row heights to wrapped text when they open a file (LibreOffice
    /// keeps the default height), so the height is written out.
    private static func height(of texts: [String], widths: [Double], always: Bool) -> Double? {
        let lines = zip(texts, widths).map { text, width in lineCount(text, capacity: width - 1) }.max() ?? 1
        guard always || lines > 1 else { return nil }
        return Double(lines) * 15.75 + 2
    }

    /// The lines `text` takes when wrapped at spaces into lines of `capacity` characters.
    private static func lineCount(_ text: String, capacity: Double) -> Int {
        let capacity = max(capacity, 1)
        var lines = 1
        var used = 0.0
        for word in text.split(separator: " ") {
            let length = Double(word.count)
            if used == 0 {
                used = length
            } else if used + 1 + length <= capacity {
                used += 1 + length
            } else {
                lines += 1
                used = length
            }
            while used > capacity {  // a word longer than the line breaks anywhere
                lines += 1
                used -= capacity
            }
        }
        return lines
    }

    /// A figure as a number cell, an absent figure as an empty (bordered) cell, text as an inline string.
    private static func cell(_ value: ReportCell, reference: String, isTotal: Bool) -> String {
        switch value {
        case .text(let text):
            return inlineString(reference, text, style: isTotal ? SpreadsheetStyles.totalText : SpreadsheetStyles.text)
        case .integer(let number):
            let style = isTotal ? SpreadsheetStyles.totalInteger : SpreadsheetStyles.integer
            return #"<c r="\#(reference)" s="\#(style)" t="n"><v>\#(number)</v></c>"#
        case .decimal(let number):
            let style = isTotal ? SpreadsheetStyles.totalDecimal : SpreadsheetStyles.decimal
            guard let number, number.isFinite else { return #"<c r="\#(reference)" s="\#(style)"/>"# }
            return #"<c r="\#(reference)" s="\#(style)" t="n"><v>\#(value.plain)</v></c>"#
        }
    }

    private static func inlineString(_ reference: String, _ text: String, style: Int) -> String {
        #"<c r="\#(reference)" s="\#(style)" t="inlineStr"><is><t xml:space="preserve">\#(MarkupEscaping.escape(text))</t></is></c>"#
    }

    /// `B7` for column index 1, row 7; columns run A … Z, AA … AZ, BA …
    static func reference(column: Int, row: Int) -> String {
        var letters = ""
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            remaining = (remaining - 1) / 26
        }
        return "\(letters)\(row)"
    }
}

// MARK: - Styles

/// `xl/styles.xml` and the indexes of its cell formats.
private enum SpreadsheetStyles {
    static let namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    static let title = 1
    static let header = 2
    static let text = 3
    static let integer = 4
    static let decimal = 5
    static let totalText = 6
    static let totalInteger = 7
    static let totalDecimal = 8

    /// Times New Roman 12; the title bold 13; headings bold on grey, centred and wrapped; table cells with thin
    /// borders; integers grouped (`#,##0`), decimals with one digit (`0.0`); the total row bold.
    static let xml = OfficeXML.declaration
        + #"<styleSheet xmlns="\#(namespace)">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>"#
        + #"<fonts count="3">"#
        + #"<font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>"#
        + #"<font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>"#
        + #"<font><b/><sz val="13"/><name val="Times New Roman"/><family val="1"/></font>"#
        + "</fonts>"
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        + #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        + #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>"#
        + #"<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>"#
        + "</borders>"
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="9">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">"#
        + #"<alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">"#
        + #"<alignment vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1">"#
        + #"<alignment vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="3" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#
        + #"<xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
