import CampaignReports
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("XLSX: one sheet per table, figures as numbers")
struct XLSXRendererTests {
    let document = SampleReport.document

    /// A cell read back from a worksheet.
    struct Cell: Equatable {
        /// `t`: "n", "inlineStr", "s" … (nil means a number).
        var type: String?
        /// The number in `<v>`, or the text of an inline string.
        var value: String?
        var style: Int
    }

    /// A workbook read back: its sheets in order, by name, with their cells by reference.
    struct Workbook {
        var package: OfficePackageContents
        var sheets: [(name: String, path: String)]

        init(_ data: Data) throws {
            package = try OfficePackageContents(data)
            let workbook = try package.xml("xl/workbook.xml")
            let relationships = try package.xml("xl/_rels/workbook.xml.rels").elements(named: "Relationship")
            sheets = try workbook.elements(named: "sheet").map { sheet in
                let id = try #require(sheet.value(of: "r:id"))
                let target = try #require(relationships.first { $0.value(of: "Id") == id }?.value(of: "Target"))
                return (try #require(sheet.value(of: "name")), "xl/\(target)")
            }
        }

        func cells(ofSheet index: Int) throws -> [String: Cell] {
            let sheet = try package.xml(sheets[index].path)
            var cells: [String: Cell] = [:]
            for cell in sheet.elements(named: "c") {
                let reference = try #require(cell.value(of: "r"))
                let type = cell.value(of: "t")
                let value = type == "inlineStr"
                    ? cell.elements(named: "t").compactMap(\.stringValue).joined()
                    : cell.childElements(named: "v").first?.stringValue
                cells[reference] = Cell(type: type, value: value, style: Int(cell.value(of: "s") ?? "0") ?? 0)
            }
            return cells
        }

        /// Whether cell format `style` uses a bold font.
        func isBold(style: Int) throws -> Bool {
            let styles = try package.xml("xl/styles.xml")
            let formats = try #require(styles.elements(named: "cellXfs").first).childElements(named: "xf")
            let fontID = try #require(Int(formats[style].value(of: "fontId") ?? ""))
            let fonts = try #require(styles.elements(named: "fonts").first).childElements(named: "font")
            return !fonts[fontID].childElements(named: "b").isEmpty
        }
    }

    /// `B7` for column 1, row 7.
    private func reference(column: Int, row: Int) -> String {
        String(UnicodeScalar(UInt8(65 + column))) + String(row)
    }

    @Test func writesEveryPartAsWellFormedXML() throws {
        let package = try OfficePackageContents(XLSXRenderer.render(document))
        let expected = [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
        ]
        #expect(Set(package.paths) == Set(expected))
        for path in expected {
            #expect(try package.xml(path).rootElement() != nil, "\(path) has no root element")
        }
        let overrides = try package.xml("[Content_Types].xml").elements(named: "Override")
            .compactMap { $0.value(of: "PartName") }
        #expect(Set(overrides) == Set(["/xl/workbook.xml", "/xl/styles.xml", "/xl/worksheets/sheet1.xml",
                                       "/xl/worksheets/sheet2.xml", "/xl/worksheets/sheet3.xml"]))
    }

    @Test func oneSheetPerTableNamedAfterItsTitle() throws {
        let workbook = try Workbook(XLSXRenderer.render(document))
        #expect(workbook.sheets.map(\.name) == [
            "Bảng 1. Kết quả học tập theo", "Bảng 2. Kết quả theo nội dung", "Bảng 3. Kết quả theo đối tượng",
        ])
        #expect(workbook.sheets.allSatisfy { $0.name.utf16.count <= 31 })
    }

    @Test func cellsHoldTheTablesFiguresAsNumbers() throws {
        let workbook = try Workbook(XLSXRenderer.render(document))
        #expect(workbook.sheets.count == document.tables.count)
        for (index, table) in document.tables.enumerated() {
            let cells = try workbook.cells(ofSheet: index)
            let title = try #require(cells["A1"])
            #expect(title.type == "inlineStr" && title.value == table.title)
            #expect(try workbook.isBold(style: title.style), "the title in A1 is bold")
            for (column, heading) in table.columns.enumerated() {
                let cell = try #require(cells[reference(column: column, row: 3)])
                #expect(cell.value == heading.title)
                #expect(try workbook.isBold(style: cell.style))
            }
            for (offset, row) in table.allRows.enumerated() {
                let isTotal = offset == table.rows.count
                for (column, model) in row.enumerated() {
                    let ref = reference(column: column, row: 4 + offset)
                    let cell = try #require(cells[ref], "\(table.id) \(ref)")
                    switch model {
                    case .text(let text):
                        #expect(cell.type == "inlineStr" && cell.value == text, "\(table.id) \(ref)")
                    case .integer(let number):
                        #expect(cell.type == "n" && cell.value.flatMap { Int($0) } == number, "\(table.id) \(ref)")
                    case .decimal(let number?):
                        #expect(cell.type == "n", "\(table.id) \(ref)")
                        let stored = try #require(cell.value.flatMap { Double($0) }, "\(table.id) \(ref)")
                        #expect(stored == Double(model.plain), "\(table.id) \(ref)")
                        #expect(abs(stored - number) < 0.05)
                    case .decimal(nil):
                        #expect(cell.value == nil, "\(table.id) \(ref) should be empty")
                    }
                    #expect(try workbook.isBold(style: cell.style) == isTotal, "\(table.id) \(ref)")
                }
            }
            // Nothing beyond the table.
            #expect(cells.count == 1 + table.columns.count * (1 + table.allRows.count))
        }
        // A few figures spelled out, so a wrong model cannot pass unnoticed.
        let units = try workbook.cells(ofSheet: 0)
        #expect(units["A9"]?.value == "Thôn Đông Tác")
        #expect(units["B9"]?.value == "1245")
        #expect(units["B11"]?.value == "2438")
        #expect(units["D11"]?.value == "61.8")
        #expect(units["A8"]?.value == "Hội Nông dân & Hội Phụ nữ xã")
        let audiences = try workbook.cells(ofSheet: 2)
        let absent = try #require(audiences["E7"], "an absent average is an empty cell, not a missing one")
        #expect(absent.value == nil && absent.type == nil)
    }

    @Test func columnsAreWideEnoughAndTheHeaderStaysInView() throws {
        let workbook = try Workbook(XLSXRenderer.render(document))
        let sheet = try workbook.package.xml(workbook.sheets[1].path)
        let widths = sheet.elements(named: "col").compactMap { $0.value(of: "width").flatMap { Double($0) } }
        #expect(widths.count == document.tables[1].columns.count)
        #expect(widths.allSatisfy { $0 >= 8 && $0 <= 60 })
        // "An toàn thông tin và phòng, chống lừa đảo trực tuyến" needs a wider column than "STT".
        #expect(widths[1] > widths[0] * 3)
        // Headings wrap: their row is given the height of its lines (not every reader fits it on opening).
        let headerRow = try #require(sheet.elements(named: "row").first { $0.value(of: "r") == "3" })
        #expect(headerRow.value(of: "customHeight") == "1")
        #expect((headerRow.value(of: "ht").flatMap { Double($0) } ?? 0) >= 2 * 15.75)
        let pane = try #require(sheet.elements(named: "pane").first)
        #expect(pane.value(of: "state") == "frozen" && pane.value(of: "topLeftCell") == "A4")
    }

    @Test func sheetNamesAreValidAndUniqueWhateverTheTitles() throws {
        let titles = [
            "Bảng 1: Kết quả [tạm tính] theo đơn vị / thôn?",
            "Bảng 1: Kết quả [tạm tính] theo đơn vị / thôn?",
            "BẢNG 1: KẾT QUẢ [TẠM TÍNH] THEO ĐƠN VỊ / THÔN?",
            "Bảng rất dài về kết quả học tập của tất cả các thôn trong xã năm 2026",
            "'*?'",
            "",
        ]
        var document = self.document
        document.sections = [ReportSection(number: "I", title: "Bảng", tables: titles.enumerated().map { index, title in
            ReportTable(id: index == 5 ? "" : "bang-\(index)", title: title,
                        columns: [ReportColumn("Số")], rows: [[.integer(index)]])
        })]
        let names = try Workbook(XLSXRenderer.render(document)).sheets.map(\.name)
        #expect(names.count == titles.count)
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "\(names)")
        for name in names {
            #expect(!name.isEmpty && name.utf16.count <= 31, "\(name)")
            #expect(name.rangeOfCharacter(from: CharacterSet(charactersIn: "[]:*?/\\")) == nil, "\(name)")
            #expect(!name.hasPrefix("'") && !name.hasSuffix("'"), "\(name)")
        }
        #expect(names[0] == "Bảng 1 Kết quả tạm tính theo")
        #expect(names[1] == "Bảng 1 Kết quả tạm tính (2)")
        #expect(names[2] == "BẢNG 1 KẾT QUẢ TẠM TÍNH (3)")
        #expect(names[4] == "bang-4")
        #expect(names[5] == "Sheet6")
    }

    @Test func reportWithoutTablesGivesOneSheetWithItsTitle() throws {
        var document = self.document
        document.sections = [ReportSection(number: "I", title: "Không có bảng", paragraphs: ["Nội dung."])]
        let workbook = try Workbook(XLSXRenderer.render(document))
        #expect(workbook.sheets.map(\.name) == ["BÁO CÁO"])
        let cells = try workbook.cells(ofSheet: 0)
        #expect(cells["A1"]?.value == document.title)
        #expect(try workbook.isBold(style: cells["A1"]?.style ?? 0))
    }

    @Test func textIsEscapedAndKeptInNFC() throws {
        let decomposed = "Thôn Đông Tác".decomposedStringWithCanonicalMapping
        let table = ReportTable(
            id: "kiem-tra", title: "Bảng <1> & \"2\"", columns: [ReportColumn("Tên", numeric: false)],
            rows: [[.text("a < b & c > d 'e'")], [.text(decomposed)]])
        var document = self.document
        document.sections = [ReportSection(number: "I", title: "Kiểm tra", tables: [table])]
        let workbook = try Workbook(XLSXRenderer.render(document))
        let cells = try workbook.cells(ofSheet: 0)
        #expect(cells["A1"]?.value == "Bảng <1> & \"2\"")
        #expect(cells["A4"]?.value == "a < b & c > d 'e'")
        let raw = try #require(try workbook.package.data("xl/worksheets/sheet1.xml"))
        // Compare bytes: String comparison treats NFC and NFD as equal.
        #expect(raw.range(of: Data("Thôn Đông Tác".precomposedStringWithCanonicalMapping.utf8)) != nil)
        #expect(raw.range(of: Data(decomposed.utf8)) == nil)
    }

    @Test func sameDocumentGivesTheSameBytes() throws {
        #expect(try XLSXRenderer.render(document) == XLSXRenderer.render(document))
    }
}
