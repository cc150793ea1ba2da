import CampaignReports
import CourseContent
import CSV
import Foundation
import FoundationXML
import LearningCore
import Testing
import TestSupport
import ZIPFoundation

@Suite("The report in every format")
struct ReportOutputTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func document() async throws -> (CampaignReport, ReportDocument) {
        let fixture = try await ReportFixture()
        let report = try await fixture.builder().yearly(2026)
        let words = try MessageCatalog(contentDirectory: Self.repositoryRoot.appendingPathComponent("Content"))
        let document = DocumentComposer(campaign: ReportFixture.campaign, words: words, number: "05",
                                        date: ReportFixture.local(2026, 12, 5)).compose(report)
        return (report, document)
    }

    @Test func theAdministrativeHeaderAndClosing() async throws {
        let (_, document) = try await document()
        #expect(document.header.issuer == "ỦY BAN NHÂN DÂN XÃ THỬ")
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
        for expected in ["ỦY BAN NHÂN DÂN XÃ THỬ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 05/BC-UBND",
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

    private func extract(_ path: String, from archive: Archive) throws -> Data {
        guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }
}
