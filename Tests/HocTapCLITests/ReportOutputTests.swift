import CampaignReports
import CourseContent
import ArgumentParser
import CSV
import Foundation
import FoundationXML
@testable import HocTapCLI
import LearningCore
import Testing
import TestSupport
import ZIPFoundation

@Suite("The report in every format")
struct ReportOutputTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func document(_ kind: CampaignReport.Kind = .yearly, number: String? = "05") async throws
        -> (CampaignReport, ReportDocument)
    {
        let fixture = try await ReportFixture()
        let report = switch kind {
        case .yearly: try await fixture.builder().yearly(2026)
        case .review: try await fixture.builder().review(until: 2026)
        case .awards: try await fixture.builder().awardsReport(2026)
        }
        let words = try MessageCatalog(contentDirectory: Self.repositoryRoot.appendingPathComponent("Content"))
        let document = DocumentComposer(campaign: ReportFixture.campaign, words: words, number: number,
                                        date: ReportFixture.local(2026, 12, 5)).compose(report)
        return (report, document)
    }

    @Test func theAdministrativeHeaderAndClosing() async throws {
        let (_, document) = try await document()
        #expect(document.header.issuer == "ỦY BAN NHÂN DÂN XÃ THỬ")
        #expect(document.header.issuerLines == ["ỦY BAN NHÂN DÂN", "XÃ THỬ"], "the body, then the commune")
        #expect(document.header.nationalTitle == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        #expect(document.header.motto == "Độc lập - Tự do - Hạnh phúc")
        #expect(document.header.number == "Số: 05/BC-UBND")
        #expect(document.header.placeAndDate == "Thử, ngày 05 tháng 12 năm 2026", "days under 10 get a leading zero")
        #expect(document.title == "Kết quả thực hiện phong trào \"học tập số\" năm 2026")
        #expect(document.sections.map(\.number) == ["I", "II", "III", "IV"])
        #expect(document.closing.recipientsLabel == "Nơi nhận:")
        #expect(document.closing.signer == "Nguyễn Văn Thử")
        let unitTable = try #require(document.tables.first { $0.id == "theo-don-vi" })
        #expect(unitTable.title == "Bảng 1. Kết quả theo đơn vị")
        #expect(unitTable.totalRow?.first == .text("Tổng cộng"))
        #expect(unitTable.totalRow?[1] == .integer(8))
    }

    @Test func htmlIsWellFormedHTML5InVietnamese() async throws {
        let (_, document) = try await document()
        let html = HTMLRenderer.render(document)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\""))
        // Polyglot markup: it parses as XML, so every element is closed and properly nested.
        let xml = try XMLDocument(data: Data(html.dropFirst("<!DOCTYPE html>\n".count).utf8))
        let root = try #require(xml.rootElement())
        #expect(root.name == "html")
        #expect(try xml.nodes(forXPath: "//*[local-name()='meta'][@charset='utf-8']").count == 1)
        #expect(try xml.nodes(forXPath: "//*[local-name()='title']").first?.stringValue?.contains("học tập số") == true)
        #expect(try xml.nodes(forXPath: "//*[local-name()='script']").isEmpty, "no JavaScript")
        let ids = try xml.nodes(forXPath: "//@id").compactMap(\.stringValue)
        #expect(Set(ids).count == ids.count, "ids are unique")
        #expect(try xml.nodes(forXPath: "//*[local-name()='svg']").count == 2, "charts by unit and by content")
        #expect(html.contains("Trần Thị Bình"), "award proposals name people")
        #expect(!html.contains("Lê Thị Cúc"), "someone who withdrew consent is not named")
        #expect(html.contains("<td class=\"n\">82,5</td>"), "Vietnamese decimal comma, right-aligned")
    }

    @Test func csvHasABOMTheRightColumnsAndVietnameseIntact() async throws {
        let (_, document) = try await document()
        let csv = CSVRenderer.render(document)
        #expect(csv.hasPrefix("\u{FEFF}"))
        let unitTable = try #require(document.tables.first { $0.id == "theo-don-vi" })
        let block = CSVRenderer.render(unitTable)
        let reader = try CSVReader(string: block)
        let rows = Array(reader)
        #expect(rows[0] == ["Bảng 1. Kết quả theo đơn vị"])
        #expect(rows[1] == unitTable.columns.map(\.title))
        #expect(rows[1][0] == "Đơn vị")
        #expect(rows.contains(["Thôn A", "3", "2", "4", "1", "4", "100.0", "90.0", "100.0"]))
        #expect(rows.last == ["Tổng cộng", "8", "4", "7", "1", "7", "100.0", "82.5", "87.5"])
    }

    @Test func xlsxSheetsHoldTheSameNumbers() async throws {
        let (_, document) = try await document()
        let archive = try Archive(data: try XLSXRenderer.render(document), accessMode: .read)
        let sheetPaths = archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/sheet") }
        #expect(sheetPaths.count == document.tables.count, "one sheet per table")
        let unitIndex = try #require(document.tables.firstIndex { $0.id == "theo-don-vi" })
        let sheet = try XMLDocument(data: try extract("xl/worksheets/sheet\(unitIndex + 1).xml", from: archive))
        let values = try sheet.nodes(forXPath: "//*[local-name()='v']").compactMap(\.stringValue)
        for number in ["8", "4", "7", "82.5", "87.5", "3"] {
            #expect(values.contains(number), "\(number) is in the unit sheet")
        }
        for part in archive.map(\.path) where part.hasSuffix(".xml") || part.hasSuffix(".rels") {
            _ = try XMLDocument(data: try extract(part, from: archive))
        }
    }

    @Test func docxDocumentXMLIsValidAndCarriesTheReport() async throws {
        let (_, document) = try await document()
        let archive = try Archive(data: try DOCXRenderer.render(document), accessMode: .read)
        let body = try XMLDocument(data: try extract("word/document.xml", from: archive))
        let text = try body.nodes(forXPath: "//*[local-name()='t']").compactMap(\.stringValue).joined(separator: "|")
        for expected in ["ỦY BAN NHÂN DÂN|XÃ THỬ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 05/BC-UBND",
                         "Bảng 1. Kết quả theo đơn vị", "82,5", "Trần Thị Bình", "Nơi nhận:", "Nguyễn Văn Thử"] {
            #expect(text.contains(expected), "\(expected) is in the DOCX")
        }
    }

    @Test func jsonValidatesAgainstItsOwnSchemaAndRoundTrips() async throws {
        let (report, _) = try await document()
        let data = try JSONReportCoder.encode(report)
        let schema = try Data(contentsOf: Self.repositoryRoot.appendingPathComponent("docs/report-schema.json"))
        let validator = try JSONSchemaValidator(schema: schema)
        #expect(try validator.violations(of: data) == [])
        #expect(try JSONReportCoder.decode(data) == report)
        // The validator does catch a wrong file.
        let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"schemaVersion\" : 1",
                                                                                 with: "\"schemaVersion\" : \"1\"")
        #expect(try !validator.violations(of: Data(broken.utf8)).isEmpty)
    }

    @Test func mergeSumsCommunesAndRefusesWhatDoesNotBelong() async throws {
        let (report, _) = try await document()
        var other = report
        other.commune = "Ủy ban nhân dân xã Khác"
        let merged = try ReportMerger.merge([("a.json", report), ("b.json", other)])
        #expect(merged.communes.count == 2)
        #expect(merged.totals.courseCompletions == 14)
        #expect(merged.coverage.first { $0.category == .citizens }?.population == 28)

        var older = other
        older.schemaVersion = 0
        #expect(throws: ReportMerger.Refusal(reason: .schemaVersion, file: "b.json", detail: "0")) {
            try ReportMerger.merge([("a.json", report), ("b.json", older)])
        }
        var lastYear = other
        lastYear.period = ReportingPeriod.year(2025, deadline: (12, 10), timeZone: ReportFixture.vietnam)
        lastYear.periodLabel = "2025"
        #expect(throws: ReportMerger.Refusal(reason: .period, file: "b.json", detail: "2025")) {
            try ReportMerger.merge([("a.json", report), ("b.json", lastYear)])
        }
        var twice = report
        twice.commune = "ỦY BAN NHÂN DÂN XÃ THỬ"
        #expect(throws: ReportMerger.Refusal(reason: .duplicateCommune, file: "b.json",
                                             detail: "ỦY BAN NHÂN DÂN XÃ THỬ (a.json)")) {
            try ReportMerger.merge([("a.json", report), ("b.json", twice)])
        }
    }

    @Test func theDocumentNumberTakesTheSymbolOnce() async throws {
        #expect(try await document(number: "12").1.header.number == "Số: 12/BC-UBND")
        #expect(try await document(number: "12/BC-UBND").1.header.number == "Số: 12/BC-UBND")
        #expect(try await document(number: "5").1.header.number == "Số: 05/BC-UBND", "under 10: a leading zero")
        #expect(try await document(number: nil).1.header.number == "Số:       /BC-UBND", "room to write it by hand")
        #expect(try await document(.awards, number: "7").1.header.number == "Số: 07/TTr-UBND")
    }

    @Test func namedPeopleAreInAnAppendixToldApartByUnitAndCode() async throws {
        let (report, document) = try await document()
        let appendix = try #require(document.appendices.first)
        #expect(appendix.label == "PHỤ LỤC")
        #expect(appendix.reference == "(Kèm theo Báo cáo số 05/BC-UBND ngày 05/12/2026 của Ủy ban nhân dân xã Thử)")
        let columns = appendix.table.columns.map(\.title)
        #expect(columns.contains("Mã người học") && columns.contains("Đơn vị"))
        let binh = try #require(report.awards?.individuals.first { $0.candidate.displayName == "Trần Thị Bình" })
        #expect(appendix.table.rows.contains { row in
            row.contains(.text("Trần Thị Bình")) && row.contains(.text("Thôn A"))
                && row.contains(.text(String(binh.candidate.learnerID)))
        })
        // The body names nobody: it points to the appendix.
        let bodyTables = document.sections.flatMap { section in
            section.tables + section.subsections.flatMap(\.tables)
        }
        #expect(!bodyTables.contains { $0.rows.contains { $0.contains(.text("Trần Thị Bình")) } })
        #expect(document.sections.flatMap(\.paragraphs).contains { $0.contains("Phụ lục kèm theo") })
        // In every document format the appendix comes after the signer.
        let html = HTMLRenderer.render(document)
        let signer = try #require(html.range(of: "Nguyễn Văn Thử"))
        let name = try #require(html.range(of: "Trần Thị Bình"))
        #expect(signer.upperBound <= name.lowerBound)
        #expect(html.contains("<section class=\"appendix\">"))
        let markdown = MarkdownRenderer.render(document)
        #expect(try #require(markdown.range(of: "Nguyễn Văn Thử")).upperBound
            <= #require(markdown.range(of: "Trần Thị Bình")).lowerBound)
    }

    @Test func awardProposalsAreATờTrình() async throws {
        let (_, document) = try await document(.awards)
        #expect(document.kind == "TỜ TRÌNH")
        #expect(document.title == "Về việc đề nghị khen thưởng trong phong trào \"học tập số\" năm 2026")
        #expect(document.recipient == "Kính gửi: Ủy ban nhân dân thành phố.")
        let opening = document.sections.first?.paragraphs ?? []
        #expect(opening.first?.hasPrefix("Căn cứ ") == true)
        #expect(opening.last?.hasPrefix("Ủy ban nhân dân xã Thử kính trình Ủy ban nhân dân thành phố xem xét") == true)
        #expect(document.conclusion == ["Ủy ban nhân dân xã Thử kính trình Ủy ban nhân dân thành phố xem xét, quyết định./."])
        #expect(document.appendices.first?.reference.hasPrefix("(Kèm theo Tờ trình số 05/TTr-UBND") == true)
        let html = HTMLRenderer.render(document)
        let close = try #require(html.range(of: "xem xét, quyết định./."))
        let recipients = try #require(html.range(of: "Nơi nhận:"))
        #expect(close.upperBound <= recipients.lowerBound, "the request closes the body, before the signature block")
    }

    @Test func noFilePathInTheBodyAndAVietnameseSerifFallback() async throws {
        let (_, document) = try await document()
        let texts = document.sections.flatMap { [$0.title] + $0.paragraphs + $0.subsections.flatMap(\.paragraphs) }
        for text in texts {
            #expect(!text.contains(".yaml") && !text.contains("Content/") && !text.contains(".sqlite"), "\(text)")
        }
        let html = HTMLRenderer.render(document)
        #expect(html.contains(#"font-family: "Times New Roman", Times, "Liberation Serif", "Tinos", "DejaVu Serif""#))
        #expect(html.contains("caption { font-weight: bold; text-align: center; margin-bottom: 2mm; font-size: 13pt; break-after: avoid;"))
        #expect(html.contains("<p class=\"issuer\">ỦY BAN NHÂN DÂN<br/>XÃ THỬ</p>"))
    }

    @Test func csvNeutralisesFormulasButKeepsNumbers() throws {
        let table = ReportTable(
            id: "thu", title: "=Bảng", columns: [ReportColumn("Tên", numeric: false), ReportColumn("Số")],
            rows: [[.text("=HYPERLINK(\"http://x\",\"bấm\")"), .integer(3)], [.text("+1"), .integer(-3)],
                   [.text("-2+3"), .decimal(-1.5)], [.text("@SUM(A1)"), .integer(0)], [.text("\tTab"), .integer(1)],
                   [.text("\rCR"), .integer(1)], [.text("Thôn = 1"), .integer(1)]])
        let block = CSVRenderer.render(table)
        let rows = Array(try CSVReader(string: block))
        #expect(rows[0] == ["'=Bảng"])
        #expect(rows[2] == ["'=HYPERLINK(\"http://x\",\"bấm\")", "3"])
        #expect(rows[3] == ["'+1", "-3"], "a figure stays a number, even a negative one")
        #expect(rows[4] == ["'-2+3", "-1.5"])
        #expect(rows[5] == ["'@SUM(A1)", "0"])
        #expect(rows[6] == ["'\tTab", "1"])
        #expect(rows[7] == ["'\rCR", "1"])
        #expect(rows[8] == ["Thôn = 1", "1"], "only a leading trigger is neutralised")
        #expect(block.contains("\"'+1\",-3"), "a neutralised cell is quoted")
    }

    /// Found by fuzzing (Reliability/fuzz): a quote, comma or line break followed by a combining mark is one Swift
    /// Character, so the cell was neither quoted nor its quote doubled, and the row read back split or broken.
    @Test func csvQuotesAQuoteCommaOrLineBreakFollowedByACombiningMark() throws {
        let cells = ["nInt\"\u{0616}-dan", "An,\u{0301} Bình", "Dòng\n\u{0301}hai", "\"\u{0301}", "Thôn 1"]
        let table = ReportTable(
            id: "thu", title: "Bảng", columns: cells.map { ReportColumn($0, numeric: false) },
            rows: [cells.map { .text($0) }])
        let records = try CommaSeparatedText.records(CSVRenderer.render(table))
        #expect(records.map(\.fields) == [["Bảng"], cells, cells])
    }

    @Test func markdownEscapesPipesLineBreaksAndHTMLInNames() throws {
        let name = "An | Bình\n<script>alert(1)</script> *Cúc* [x](y)"
        var document = ReportDocument(
            header: ReportHeader(superiorBody: nil, issuer: "ỦY BAN NHÂN DÂN XÃ THỬ", nationalTitle: "CỘNG HÒA",
                                 motto: "Độc lập", number: "Số: 01/BC-UBND", placeAndDate: "Thử"),
            kind: "BÁO CÁO", title: "Thử", recipient: nil, sections: [],
            closing: ReportClosing(recipientsLabel: "Nơi nhận:", recipients: [], authority: [], signer: "Ký"))
        document.sections = [ReportSection(number: "I", title: "Danh sách", tables: [
            ReportTable(id: "t", title: "Bảng 1", columns: [ReportColumn("Tên", numeric: false), ReportColumn("Số")],
                        rows: [[.text(name), .integer(1_000)]]),
        ])]
        let markdown = MarkdownRenderer.render(document)
        let row = try #require(markdown.split(separator: "\n").first { $0.contains("An ") })
        #expect(row == #"| An \| Bình \<script\>alert(1)\</script\> \*Cúc\* \[x\](y) | 1.000 |"#)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("**ỦY BAN NHÂN DÂN**  \n**XÃ THỬ**"), "the issuer on its two lines")
    }

    @Test func datesAreTypedAsYYYYMMDDOnly() throws {
        let vietnam = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        #expect(try LocalDate.parse("2026-12-05", in: vietnam) == ReportFixture.local(2026, 12, 5, 0))
        for wrong in ["2026-12-5", "05/12/2026", "2026-02-30", "2026-12-05x", "26-12-05", "2026-13-01", "2026-1205",
                      " 2026-12-05", "２０２６-12-05"] {
            #expect(throws: ValidationError.self, "\(wrong)") { try LocalDate.parse(wrong, in: vietnam) }
        }
    }

    private func extract(_ path: String, from archive: Archive) throws -> Data {
        guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }
}
