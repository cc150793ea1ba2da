import CampaignReports
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("DOCX: the report as a Word document laid out per Decree 30/2020/NĐ-CP")
struct DOCXRendererTests {
    let document = SampleReport.document

    /// word/document.xml of `document`, parsed.
    private func documentXML(_ document: ReportDocument = SampleReport.document) throws -> XMLDocument {
        try OfficePackageContents(DOCXRenderer.render(document)).xml("word/document.xml")
    }

    /// The elements directly under `<w:body>`.
    private func bodyElements(_ xml: XMLDocument) throws -> [XMLElement] {
        let body = try #require(xml.rootElement()?.childElements(named: "body").first)
        return (body.children ?? []).compactMap { $0 as? XMLElement }
    }

    @Test func writesEveryPartAsWellFormedXML() throws {
        let package = try OfficePackageContents(DOCXRenderer.render(document))
        let expected = [
            "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
            "word/_rels/document.xml.rels", "word/header1.xml", "word/header2.xml", "word/fontTable.xml",
        ]
        #expect(Set(package.paths) == Set(expected))
        #expect(package.paths.first == "[Content_Types].xml")
        for path in expected {
            let xml = try package.xml(path)
            #expect(xml.rootElement() != nil, "\(path) has no root element")
        }
        let types = try package.xml("[Content_Types].xml")
        let overrides = Dictionary(uniqueKeysWithValues: types.elements(named: "Override").compactMap { element in
            element.value(of: "PartName").map { ($0, element.value(of: "ContentType") ?? "") }
        })
        #expect(overrides["/word/document.xml"]
            == "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        #expect(overrides["/word/header1.xml"]
            == "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")
        let rootRelationship = try #require(try package.xml("_rels/.rels").elements(named: "Relationship").first)
        #expect(rootRelationship.value(of: "Target") == "word/document.xml")
    }

    @Test func pageIsA4PortraitWithTheDecreesMarginsAndNumbersFromPageTwo() throws {
        let package = try OfficePackageContents(DOCXRenderer.render(document))
        let xml = try package.xml("word/document.xml")
        let section = try #require(xml.elements(named: "sectPr").first)
        let size = try #require(section.childElements(named: "pgSz").first)
        #expect(size.value(of: "w:w") == "11906")
        #expect(size.value(of: "w:h") == "16838")
        #expect(size.value(of: "w:orient") == nil)
        let margins = try #require(section.childElements(named: "pgMar").first)
        #expect(margins.value(of: "w:top") == "1134")  // 20 mm
        #expect(margins.value(of: "w:bottom") == "1134")
        #expect(margins.value(of: "w:left") == "1701")  // 30 mm
        #expect(margins.value(of: "w:right") == "850")  // 15 mm
        #expect(!section.childElements(named: "titlePg").isEmpty, "page 1 needs its own (empty) header")

        // The default header holds a centred PAGE field; the first page's header holds none.
        let relationships = try package.xml("word/_rels/document.xml.rels").elements(named: "Relationship")
        func headerPart(_ type: String) throws -> XMLDocument {
            let reference = try #require(section.childElements(named: "headerReference")
                .first { $0.value(of: "w:type") == type })
            let id = try #require(reference.value(of: "r:id"))
            let target = try #require(relationships.first { $0.value(of: "Id") == id }?.value(of: "Target"))
            return try package.xml("word/\(target)")
        }
        let numbered = try headerPart("default")
        #expect(numbered.elements(named: "instrText").map { $0.stringValue?.trimmingCharacters(in: .whitespaces) }
            == ["PAGE"])
        #expect(numbered.elements(named: "jc").first?.value(of: "w:val") == "center")
        #expect(try headerPart("first").elements(named: "instrText").isEmpty)
    }

    @Test func headerHasTheIssuerAndTheStateSideBySideWithoutBorders() throws {
        let xml = try documentXML()
        let headerTable = try #require(try bodyElements(xml).first, "the body starts with the header table")
        #expect(headerTable.localName == "tbl")
        #expect(headerTable.elements(named: "tblBorders").first?.childElements(named: "top").first?
            .value(of: "w:val") == "nil")
        let rows = tableTexts(headerTable)
        #expect(rows.count == 2)
        // Issuer wrapped as clerks do: ỦY BAN NHÂN DÂN / XÃ KIẾN THỤY.
        #expect(rows[0][0] == "ỦY BAN NHÂN DÂN\nXÃ KIẾN THỤY")
        #expect(rows[0][1] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
        #expect(rows[1] == ["Số: 05/BC-UBND", "Kiến Thụy, ngày 05 tháng 12 năm 2026"])

        let runs = headerTable.elements(named: "r")
        func run(_ text: String) -> XMLElement? { runs.first { runText($0) == text } }
        #expect(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").map(isBold) == true)
        #expect(run("Độc lập - Tự do - Hạnh phúc").map(isBold) == true)
        #expect(run("ỦY BAN NHÂN DÂN").map(isBold) == true)
        #expect(run("Kiến Thụy, ngày 05 tháng 12 năm 2026").map(isItalic) == true)
        #expect(run("Số: 05/BC-UBND").map(isBold) == false)
        // A short rule under the issuer and a rule under the motto: bordered empty paragraphs.
        #expect(headerTable.elements(named: "pBdr").count == 2)
    }

    @Test func superiorBodyStandsAboveTheIssuerNotBold() throws {
        var document = self.document
        document.header.superiorBody = "UBND thành phố Hải Phòng"
        let headerTable = try #require(try bodyElements(try documentXML(document)).first)
        let paragraphs = headerTable.elements(named: "tc")[0].childElements(named: "p")
        #expect(paragraphText(paragraphs[0]) == "UBND THÀNH PHỐ HẢI PHÒNG")
        #expect(paragraphs[0].elements(named: "r").allSatisfy { !isBold($0) })
        #expect(paragraphText(paragraphs[1]) == "ỦY BAN NHÂN DÂN\nXÃ KIẾN THỤY")
    }

    @Test func titleBlockIsCentredAndBold() throws {
        let paragraphs = try bodyElements(try documentXML()).filter { $0.localName == "p" }
        let texts = paragraphs.map(paragraphText)
        let kindIndex = try #require(texts.firstIndex(of: "BÁO CÁO"))
        #expect(texts[kindIndex + 1] == "Kết quả thực hiện phong trào \"học tập số\" năm 2026")
        for paragraph in paragraphs[kindIndex...(kindIndex + 1)] {
            #expect(alignment(of: paragraph) == "center")
            #expect(paragraph.elements(named: "r").allSatisfy(isBold))
        }
        #expect(texts.contains("Kính gửi: Sở Khoa học và Công nghệ thành phố Hải Phòng"))

        var bare = document
        bare.recipient = "Sở Nội vụ"
        #expect(try bodyElements(try documentXML(bare)).map(paragraphText).contains("Kính gửi: Sở Nội vụ"))
        bare.recipient = nil
        #expect(!(try bodyElements(try documentXML(bare)).map(paragraphText).contains { $0.hasPrefix("Kính gửi") }))
    }

    @Test func sectionsAreHeadedAndParagraphsUseTheBodyStyle() throws {
        let package = try OfficePackageContents(DOCXRenderer.render(document))
        let paragraphs = try bodyElements(try package.xml("word/document.xml")).filter { $0.localName == "p" }
        func style(of text: String) -> String? {
            paragraphs.first { paragraphText($0) == text }?.elements(named: "pStyle").first?.value(of: "w:val")
        }
        #expect(style(of: "I. KẾT QUẢ THỰC HIỆN") == "Heading1")
        #expect(style(of: "II. ĐÁNH GIÁ CHUNG") == "Heading1")
        #expect(style(of: "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027") == "Heading1")
        #expect(style(of: "1. Công tác tuyên truyền, triển khai") == "Heading2")
        #expect(style(of: "2. Tồn tại, hạn chế và nguyên nhân") == "Heading2")
        let bodyText = try #require(document.sections[2].subsections[1].paragraphs.first)
        #expect(style(of: bodyText) == "ReportBody")

        // Headings bold; body justified, 1.27 cm first-line indent, 6 pt after; Times New Roman 14 by default.
        let styles = try package.xml("word/styles.xml").elements(named: "style")
        func styleElement(_ id: String) throws -> XMLElement {
            try #require(styles.first { $0.value(of: "w:styleId") == id })
        }
        #expect(try !styleElement("Heading1").elements(named: "b").isEmpty)
        #expect(try !styleElement("Heading2").elements(named: "b").isEmpty)
        let body = try styleElement("ReportBody")
        #expect(body.elements(named: "jc").first?.value(of: "w:val") == "both")
        #expect(body.elements(named: "ind").first?.value(of: "w:firstLine") == "720")
        #expect(body.elements(named: "spacing").first?.value(of: "w:after") == "120")
        let defaults = try #require(try package.xml("word/styles.xml").elements(named: "rPrDefault").first)
        #expect(defaults.elements(named: "rFonts").first?.value(of: "w:ascii") == "Times New Roman")
        #expect(defaults.elements(named: "sz").first?.value(of: "w:val") == "28")

        // A top-level title written in lower case still comes out in capitals.
        var lower = document
        lower.sections[0].title = "Kết quả thực hiện"
        #expect(try bodyElements(try documentXML(lower)).map(paragraphText).contains("I. KẾT QUẢ THỰC HIỆN"))
    }

    @Test func everyTableShowsItsFiguresAsDisplayed() throws {
        let tables = try bodyElements(try documentXML()).filter { $0.localName == "tbl" }
        #expect(document.tables.count == 3)
        for model in document.tables {
            let expected = [model.columns.map(\.title)] + model.allRows.map { $0.map(\.display) }
            let rendered = try #require(tables.first { tableTexts($0) == expected }, "no table matches \(model.id)")
            // Header row bold and repeated on each page; the total row bold; the other rows not.
            let rows = rendered.childElements(named: "tr")
            #expect(!rows[0].elements(named: "tblHeader").isEmpty)
            #expect(rows[0].elements(named: "r").allSatisfy(isBold))
            #expect(rows.last!.elements(named: "r").allSatisfy(isBold))
            #expect(rows[1].elements(named: "r").allSatisfy { !isBold($0) })
            #expect(rendered.elements(named: "tblBorders").first?.childElements(named: "insideH").first?
                .value(of: "w:val") == "single")
            // Figures right-aligned, text left-aligned.
            for (index, column) in model.columns.enumerated() {
                let cellParagraph = rows[1].childElements(named: "tc")[index].elements(named: "p")[0]
                #expect(alignment(of: cellParagraph) == (column.isNumeric ? "right" : "left"))
            }
        }
        // The figures as a reader sees them: thousands grouped with dots, decimals with a comma, "—" for none.
        let unitRows = try #require(tables.map(tableTexts).first { $0.first?.first == "Đơn vị" })
        #expect(unitRows[6] == ["Thôn Đông Tác", "1.245", "812", "65,2", "7,3"])
        #expect(unitRows.last == ["Tổng cộng", "2.438", "1.507", "61,8", "7,4"])
        let audienceRows = try #require(tables.map(tableTexts).first { $0.first?.first == "Đối tượng" })
        #expect(audienceRows.last == ["Tổng cộng", "2.438", "1.507", "61,8", "—"])
        // Captions stand above their tables.
        let texts = try bodyElements(try documentXML()).map(paragraphText)
        for model in document.tables { #expect(texts.contains(model.title)) }
    }

    @Test func chartIsATableOfShadedBarsProportionalToTheValues() throws {
        let elements = try bodyElements(try documentXML())
        let chart = SampleReport.unitChart
        let captionIndex = try #require(elements.firstIndex { paragraphText($0) == chart.title })
        let table = try #require(elements[(captionIndex + 1)...].first { $0.localName == "tbl" })
        let rows = table.childElements(named: "tr").filter { row in
            chart.bars.contains { bar in row.childElements(named: "tc").first.map(paragraphText) == bar.label }
        }
        #expect(rows.count == chart.bars.count)
        for (bar, row) in zip(chart.bars, rows) {
            let cells = row.childElements(named: "tc")
            #expect(paragraphText(cells[1]) == VietnameseFormat.decimal(bar.value) + "%")
            let barCells = cells.dropFirst(2)
            let area = barCells.map(width).reduce(0, +)
            let shaded = barCells.filter { $0.elements(named: "shd").first?.value(of: "w:fill") == "7F7F7F" }
                .map(width).reduce(0, +)
            #expect(area > 0)
            #expect(abs(Double(shaded) / Double(area) * 100 - bar.value) < 0.1, "\(bar.label): \(shaded)/\(area)")
        }
        // The target: a dashed line in every bar row, and its legend.
        #expect(rows.allSatisfy { row in
            row.elements(named: "left").contains { $0.value(of: "w:val") == "dashed" }
        })
        #expect(tableTexts(table).joined().contains("Chỉ tiêu: 70,0%"))
        // Kept together: every paragraph of every row but the last keeps with the next.
        let allRows = table.childElements(named: "tr")
        #expect(allRows.dropLast().allSatisfy { row in
            row.elements(named: "p").allSatisfy { !$0.elements(named: "keepNext").isEmpty }
        })
        #expect(allRows.last?.elements(named: "keepNext").isEmpty == true)
    }

    @Test func closingHasRecipientsLeftAndTheSignerRight() throws {
        let elements = try bodyElements(try documentXML())
        let closing = try #require(elements.last { $0.localName == "tbl" })
        #expect(closing.elements(named: "tblBorders").first?.childElements(named: "top").first?.value(of: "w:val")
            == "nil")
        let cells = closing.elements(named: "tc")
        #expect(cells.count == 2)
        let left = cells[0].childElements(named: "p")
        // Each recipient on its own line, "- " before it, as the decree lays them out.
        #expect(left.map(paragraphText) == ["Nơi nhận:"] + SampleReport.closing.recipients.map { "- " + $0 })
        let label = try #require(left[0].elements(named: "r").first)
        #expect(isBold(label) && isItalic(label))
        #expect(fontSize(of: label) == "24")  // 12 pt
        #expect(left.dropFirst().allSatisfy { $0.elements(named: "r").allSatisfy { fontSize(of: $0) == "22" } })

        let right = cells[1].childElements(named: "p")
        #expect(right.map(paragraphText) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng"])
        #expect(right.allSatisfy { alignment(of: $0) == "center" && $0.elements(named: "r").allSatisfy(isBold) })
        let signatureSpace = right.last?.elements(named: "spacing").first?.value(of: "w:before").flatMap { Int($0) }
        #expect((signatureSpace ?? 0) >= 1400, "room for the signature and the seal")
    }

    @Test func textIsEscapedAndKeptInNFC() throws {
        var document = self.document
        let decomposed = "Ủy ban nhân dân xã Kiến Thụy".decomposedStringWithCanonicalMapping
        document.sections[0].paragraphs = ["A & B < C > D \"E\" 'F' \u{1}G", decomposed]
        let data = try OfficePackageContents(DOCXRenderer.render(document)).data("word/document.xml")
        let raw = String(decoding: try #require(data), as: UTF8.self)
        #expect(raw.contains("A &amp; B &lt; C &gt; D &quot;E&quot; &apos;F&apos; G"))
        // Compare bytes: String comparison treats NFC and NFD as equal.
        let bytes = try #require(data)
        #expect(bytes.range(of: Data("Ủy ban nhân dân xã Kiến Thụy".precomposedStringWithCanonicalMapping.utf8)) != nil)
        #expect(bytes.range(of: Data(decomposed.utf8)) == nil)
        let texts = try bodyElements(try XMLDocument(data: try #require(data))).map(paragraphText)
        #expect(texts.contains("A & B < C > D \"E\" 'F' G"))
        // Escaping of the sample's own text: the quotes of "học tập số", "&" and "<" in paragraphs and cells.
        let sampleTexts = try bodyElements(try documentXML()).map(paragraphText)
        #expect(sampleTexts.contains(SampleReport.document.sections[0].subsections[1].paragraphs[0]))
    }

    @Test func sameDocumentGivesTheSameBytes() throws {
        #expect(try DOCXRenderer.render(document) == DOCXRenderer.render(document))
    }

    @Test func emptyReportStillGivesAWellFormedDocument() throws {
        var document = self.document
        document.sections = [ReportSection(number: "I", title: "Trống", tables: [
            ReportTable(id: "trong", title: "Bảng 1. Không có cột", columns: [], rows: []),
        ], charts: [BarChart(title: "Biểu đồ trống", bars: [])])]
        document.closing = ReportClosing(recipientsLabel: "", recipients: [], authority: [], signer: "")
        let xml = try documentXML(document)
        #expect(try bodyElements(xml).map(paragraphText).contains("Bảng 1. Không có cột"))
    }
}

// MARK: - Reading WordprocessingML back

/// The text of a paragraph, or of every non-empty paragraph of a cell, one a line; `<w:br/>` is a line break.
func paragraphText(_ element: XMLElement) -> String {
    if element.localName == "p" {
        return element.elements(named: "r").map(runText).joined()
    }
    return element.childElements(named: "p").map(paragraphText).filter { !$0.isEmpty }.joined(separator: "\n")
}

/// The text of a run.
func runText(_ run: XMLElement) -> String {
    (run.children ?? []).compactMap { $0 as? XMLElement }.map { child in
        switch child.localName {
        case "t": child.stringValue ?? ""
        case "br": "\n"
        default: ""
        }
    }.joined()
}

/// Each row of a table as its cells' texts (nested paragraphs joined by line breaks).
func tableTexts(_ table: XMLElement) -> [[String]] {
    table.childElements(named: "tr").map { row in row.childElements(named: "tc").map(paragraphText) }
}

func isBold(_ run: XMLElement) -> Bool { !(run.childElements(named: "rPr").first?.childElements(named: "b").isEmpty ?? true) }
func isItalic(_ run: XMLElement) -> Bool { !(run.childElements(named: "rPr").first?.childElements(named: "i").isEmpty ?? true) }
func fontSize(of run: XMLElement) -> String? {
    run.childElements(named: "rPr").first?.childElements(named: "sz").first?.value(of: "w:val")
}
func alignment(of paragraph: XMLElement) -> String? {
    paragraph.childElements(named: "pPr").first?.childElements(named: "jc").first?.value(of: "w:val")
}
/// The width of a table cell, in twips.
func width(_ cell: XMLElement) -> Int {
    cell.elements(named: "tcW").first?.value(of: "w:w").flatMap { Int($0) } ?? 0
}
