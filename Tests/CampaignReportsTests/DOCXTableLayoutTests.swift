import CampaignReports
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("DOCX: tables fit the page, figures and heading words never broken")
struct DOCXTableLayoutTests {
    /// Advance widths of Times Bold (Adobe's AFM, thousandths of an em), the metrics Times New Roman and
    /// Liberation Serif share; a Vietnamese letter is measured by its base letter (ư as u), 10% added for marks.
    static let timesBold: [Character: Int] = {
        var widths: [Character: Int] = [" ": 250, ".": 250, ",": 250, "(": 333, ")": 333, "%": 1000, "-": 333,
                                        "—": 1000, "/": 278]
        for digit in "0123456789" { widths[digit] = 500 }
        let lower = [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
                     333, 556, 500, 722, 500, 500, 444]
        let upper = [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556,
                     667, 722, 722, 1000, 722, 722, 667]
        for (index, letter) in "abcdefghijklmnopqrstuvwxyz".enumerated() { widths[letter] = lower[index] }
        for (index, letter) in "ABCDEFGHIJKLMNOPQRSTUVWXYZ".enumerated() { widths[letter] = upper[index] }
        widths["đ"] = 556
        widths["Đ"] = 722
        return widths
    }()

    /// The width `text` takes in 12 pt Times New Roman Bold, plus the cell's own padding (1.5 mm each side), in
    /// twips: what a column needs so that `text` stays on one line.
    static func neededWidth(_ text: String) -> Int {
        let thousandths = text.reduce(0.0) { sum, character in
            if let width = timesBold[character] { return sum + Double(width) }
            let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first.map(Character.init)
            return sum + Double(base.flatMap { timesBold[$0] } ?? 1000) * 1.1
        }
        return Int((thousandths * 1.1 / 1000 * 12 * 20).rounded(.up)) + 2 * 85
    }

    /// A yearly report's unit table as the commune has it: 20 units, figures up to five digits.
    static let wideTable: ReportTable = {
        let columns = [ReportColumn("Đơn vị", numeric: false)] + [
            "Đã đăng ký", "Có học trong kỳ", "Lượt tham gia khoá học", "Bài học hoàn thành",
            "Lượt hoàn thành khoá học", "Tỷ lệ hoàn thành (%)", "Điểm trung bình (%)", "Tỷ lệ đạt (%)",
        ].map { ReportColumn($0) }
        let rows: [[ReportCell]] = (1...20).map { index in
            [.text(index == 4 ? "Trung tâm Phục vụ hành chính công xã" : "Thôn \(index)"), .integer(12_345 + index),
             .integer(9_876), .integer(23_456), .integer(123_456), .integer(5_088), .decimal(48.1), .decimal(100),
             .decimal(99.9)]
        }
        return ReportTable(id: "theo-don-vi", title: "Bảng 1. Kết quả theo đơn vị", columns: columns, rows: rows,
                           totalRow: [.text("Tổng cộng"), .integer(246_900), .integer(197_520), .integer(469_120),
                                      .integer(2_469_120), .integer(101_760), .decimal(48.1), .decimal(100),
                                      .decimal(99.9)])
    }()

    static let narrowTable = ReportTable(
        id: "tap-the", title: "Bảng 2. Tập thể", columns: [ReportColumn("STT"), ReportColumn("Đơn vị", numeric: false),
                                                           ReportColumn("Tỷ lệ (%)")],
        rows: [[.integer(1), .text("Thôn 1"), .decimal(48.1)]])

    private func render(_ tables: [ReportTable], appendix: ReportTable? = nil) throws -> XMLDocument {
        var document = SampleReport.document
        document.sections = [ReportSection(number: "I", title: "Kết quả", tables: tables)]
        if let appendix {
            document.appendices = [ReportAppendix(label: "PHỤ LỤC", title: "DANH SÁCH", reference: "(Kèm theo …)",
                                                  table: appendix)]
        }
        return try OfficePackageContents(DOCXRenderer.render(document)).xml("word/document.xml")
    }

    /// The bordered tables (the report's own, not the header's or the closing's layout tables).
    private func reportTables(_ xml: XMLDocument) -> [XMLElement] {
        xml.elements(named: "tbl").filter { table in
            table.elements(named: "tblBorders").first?.childElements(named: "top").first?.value(of: "w:val")
                == "single"
        }
    }

    private func grid(_ table: XMLElement) -> [Int] {
        table.childElements(named: "tblGrid").first?.childElements(named: "gridCol")
            .compactMap { $0.value(of: "w:w").flatMap { Int($0) } } ?? []
    }

    @Test func everyColumnIsWideEnoughForItsLongestNumberAndHeadingWord() throws {
        for model in [Self.wideTable, Self.narrowTable, SampleReport.unitTable, SampleReport.contentTable] {
            let table = try #require(reportTables(try render([model])).first)
            let widths = grid(table)
            #expect(widths.count == model.columns.count)
            for (index, column) in model.columns.enumerated() {
                let texts = model.allRows.map { $0[index].display }
                if column.isNumeric, let longest = texts.max(by: { Self.neededWidth($0) < Self.neededWidth($1) }) {
                    #expect(widths[index] >= Self.neededWidth(longest),
                            "\(model.id), \(column.title): \(widths[index]) twips for \(longest)")
                }
                // A heading word is never split.
                for word in column.title.split(separator: " ") {
                    #expect(widths[index] >= Self.neededWidth(String(word)), "\(model.id): \(word)")
                }
            }
            // Each cell says the same width as its grid column.
            for row in table.childElements(named: "tr") {
                #expect(row.childElements(named: "tc").map(width) == widths)
            }
        }
    }

    @Test func aTableTooWideForPortraitGetsALandscapeSectionOfItsOwn() throws {
        let xml = try render([Self.narrowTable, Self.wideTable, Self.narrowTable])
        let sections = xml.elements(named: "sectPr")
        let orientations = sections.map { $0.childElements(named: "pgSz").first?.value(of: "w:orient") ?? "portrait" }
        // Portrait up to the wide table, landscape for it, portrait again after it.
        #expect(orientations == ["portrait", "landscape", "portrait"])
        let landscape = sections[1].childElements(named: "pgSz").first
        #expect(landscape?.value(of: "w:w") == "16838")
        #expect(landscape?.value(of: "w:h") == "11906")
        // Only the first section has a page 1 of its own; the numbers run on.
        #expect(sections.map { !$0.childElements(named: "titlePg").isEmpty } == [true, false, false])

        let tables = reportTables(xml)
        #expect(tables.count == 3)
        #expect(grid(tables[0]).reduce(0, +) == 9355, "portrait text width: 210 − 30 − 15 mm")
        #expect(grid(tables[1]).reduce(0, +) == 14287, "landscape text width: 297 − 30 − 15 mm")
    }

    @Test func theTableTitleKeepsWithItsTable() throws {
        let xml = try render([Self.wideTable])
        let caption = try #require(xml.elements(named: "p").first { paragraphText($0) == Self.wideTable.title })
        #expect(caption.elements(named: "pStyle").first?.value(of: "w:val") == "ReportCaption")
        let styles = try OfficePackageContents(DOCXRenderer.render(SampleReport.document)).xml("word/styles.xml")
        let captionStyle = try #require(styles.elements(named: "style")
            .first { $0.value(of: "w:styleId") == "ReportCaption" })
        #expect(!captionStyle.elements(named: "keepNext").isEmpty)
    }

    @Test func anAppendixStartsANewPage() throws {
        let xml = try render([Self.narrowTable], appendix: Self.narrowTable)
        let label = try #require(xml.elements(named: "p").first { paragraphText($0) == "PHỤ LỤC" })
        #expect(!label.elements(named: "pageBreakBefore").isEmpty)
        // A wide appendix starts on a landscape page instead, and the document ends there (no blank page).
        let wide = try render([Self.narrowTable], appendix: Self.wideTable)
        let orientations = wide.elements(named: "sectPr")
            .map { $0.childElements(named: "pgSz").first?.value(of: "w:orient") ?? "portrait" }
        #expect(orientations == ["portrait", "landscape"])
    }

    @Test func theFontTableOffersAVietnameseSerifInsteadOfTimesNewRoman() throws {
        let fonts = try OfficePackageContents(DOCXRenderer.render(SampleReport.document)).xml("word/fontTable.xml")
        let times = try #require(fonts.elements(named: "font").first { $0.value(of: "w:name") == "Times New Roman" })
        #expect(times.childElements(named: "altName").first?.value(of: "w:val") == "Liberation Serif")
        #expect(times.childElements(named: "family").first?.value(of: "w:val") == "roman")
    }
}
