import CampaignReports
import CourseContent
import CSV
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LearningCore
import NIOCore
import ProgressStore
import Testing
import TestSupport
import WebFront
import ZIPFoundation

/// The staff area's dashboard and report downloads over the real store and the hand-counted fixture: the
/// figures are those of `hoctap report figures`, every format downloads and opens, and a clerk gets only
/// their own unit.
@Suite("Staff area: dashboard and reports over the store")
struct StaffAreaReportTests {
    static let root = ReadOnlyCommandTests.root

    /// A browser for the staff area: keeps the kiosk cookie (the sign-in form's CSRF token) and the staff one.
    final class Desk: @unchecked Sendable {
        let client: any TestClientProtocol
        var cookies: [String: String] = [:]
        init(_ client: any TestClientProtocol) { self.client = client }

        func send(_ uri: String, method: HTTPRequest.Method = .get, form: [(String, String)]? = nil) async throws
            -> (status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer)
        {
            var headers: HTTPFields = [:]
            if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
            var body: ByteBuffer?
            if let form {
                headers[.contentType] = "application/x-www-form-urlencoded"
                let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
                body = ByteBuffer(string: form.map {
                    "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)"
                }.joined(separator: "&"))
            }
            let answer = try await client.execute(uri: uri, method: method, headers: headers, body: body) {
                ($0.status, $0.headers, $0.body)
            }
            for value in answer.1[values: .setCookie] {
                let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { cookies[pair[0]] = value.contains("Max-Age=0") ? nil : pair[1] }
            }
            return answer
        }

        func signIn(_ username: String, _ password: String) async throws {
            let form = String(buffer: try await send("/can-bo/dang-nhap").body)
            let csrf = try #require(form.range(of: "name=\"csrf\" value=\"")
                .map { String(form[$0.upperBound...].prefix { $0 != "\"" }) })
            let answer = try await send("/can-bo/dang-nhap", method: .post,
                                        form: [("csrf", csrf), ("username", username), ("password", password)])
            #expect(answer.status == .seeOther)
            #expect(cookies["hoctap_can_bo"] != nil)
        }
    }

    static func withApp<Value>(_ fixture: ReportFixture, now: Date = ReportFixture.local(2026, 12, 1),
                               _ body: @escaping @Sendable (Desk) async throws -> Value) async throws -> Value {
        let clock = TestClock(start: now)
        let store = fixture.store
        _ = try await store.createStaffAccount(username: "xa", displayName: "Cán bộ xã", password: "mat-khau-xa-01",
                                               role: .communeStaff, unitID: nil, at: clock.now())
        _ = try await store.createStaffAccount(username: "thona", displayName: "Cán bộ thôn A",
                                               password: "mat-khau-thon-a", role: .unitClerk, unitID: "thon-a",
                                               at: clock.now())
        let messages = try MessageCatalog(contentDirectory: root.appendingPathComponent("Content"))
        let services = KioskServices(
            learning: LearningService(repository: store, catalog: ReportFixture.catalog, clock: clock,
                                      random: SeededRandomSource(seed: 3)),
            signIn: SignInService(repository: store, clock: clock), staff: StaffService(repository: store, clock: clock),
            messages: messages, campaign: ReportFixture.campaign, reporting: store)
        let configuration = WebConfiguration(contentDirectory: root.appendingPathComponent("Content"),
                                             sweepInterval: .seconds(3600))
        let app = try await buildApplication(configuration, services: services)
        return try await app.test(.router) { client in try await body(Desk(client)) }
    }

    /// The numbers of the dashboard's unit table: name → [registered, active, enrolments, completions], average.
    static func unitRows(_ html: String) -> [String: (counts: [Int], average: String)] {
        let table = html.components(separatedBy: "<caption>Số liệu theo đơn vị trong kỳ</caption>").dropFirst().first?
            .components(separatedBy: "</table>").first ?? ""
        var rows: [String: (counts: [Int], average: String)] = [:]
        for row in table.components(separatedBy: "<tr").dropFirst(2) {
            guard let nameRange = row.range(of: "<th scope=\"row\">") else { continue }
            let name = String(row[nameRange.upperBound...].prefix { $0 != "<" }).trimmingCharacters(in: .whitespaces)
            let cells = row.components(separatedBy: "<td class=\"num\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
            guard cells.count == 6 else { continue }
            rows[name] = (cells.prefix(4).compactMap { Int($0) }, cells[5])
        }
        return rows
    }

    @Test func theDashboardShowsTheFiguresOfHoctapReportFigures() async throws {
        let fixture = try await ReportFixture()
        let folder = try ReadOnlyCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("ban-sao.sqlite").path
        try fixture.store.backup(to: copy)

        // What the CLI prints for the same period, from the real binary.
        let process = Process()
        process.executableURL = try HoctapExecutable.url()
        process.arguments = ["report", "figures", "--from", "2026-01-01", "--to", "2026-12-31", "--json",
                             "--db", copy, "--content", Self.root.appendingPathComponent("Content").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let cli = try JSONDecoder().decode([String: ActivityFigures].self, from: data)
        #expect(cli.count == 3)

        let html = try await Self.withApp(fixture) { desk in
            try await desk.signIn("xa", "mat-khau-xa-01")
            let page = try await desk.send("/can-bo/tong-quan?tu=2026-01-01&den=2026-12-31")
            #expect(page.status == .ok)
            return String(buffer: page.body)
        }
        let rows = Self.unitRows(html)
        let names = ["thon-a": "Thôn A", "thon-b": "Thôn B", "phong-x": "Phòng X"]
        for (unitID, figures) in cli {
            let name = try #require(names[unitID])
            let row = try #require(rows[name], "\(unitID) is on the dashboard")
            #expect(row.counts == [figures.registered, figures.active, figures.enrolments, figures.courseCompletions],
                    "\(unitID)")
            #expect(row.average == (figures.averageScore.map(VietnameseFormat.decimal) ?? "—"), "\(unitID)")
        }
        #expect(html.contains("<svg"), "charts are drawn inline")
        #expect(html.contains("còn 9 ngày đến hạn báo cáo năm (10/12/2026)"))
    }

    /// `hoctap report figures` on a copy of the fixture's file: exit status, standard output and error.
    static func figures(_ arguments: [String], db: String) throws -> (status: Int32, output: Data, error: String) {
        try HoctapExecutable.run(["report", "figures"] + arguments
            + ["--db", db, "--content", Self.root.appendingPathComponent("Content").path])
    }

    @Test func oneUnitsFiguresAreItsRowOfTheCommunesAndAnUnknownUnitIsRefused() async throws {
        let fixture = try await ReportFixture()
        let folder = try ReadOnlyCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("ban-sao.sqlite").path
        try fixture.store.backup(to: copy)
        for span in [["--year", "2026"], ["--from", "2026-03-01", "--to", "2026-11-15"]] {
            let commune = try Self.figures(span + ["--json"], db: copy)
            #expect(commune.status == 0)
            let all = try JSONDecoder().decode([String: ActivityFigures].self, from: commune.output)
            for unit in ["thon-a", "thon-b", "phong-x"] {
                let one = try Self.figures(span + ["--json", "--unit", unit], db: copy)
                #expect(one.status == 0)
                let figures = try JSONDecoder().decode([String: ActivityFigures].self, from: one.output)
                #expect(figures == all.filter { $0.key == unit }, "\(unit), \(span)")
            }
        }
        let unknown = try Self.figures(["--year", "2026", "--unit", "thon-khong-co"], db: copy)
        #expect(unknown.status == 1)
        #expect(unknown.output.isEmpty, "no figures, not even zeros")
        #expect(unknown.error.contains("Không có đơn vị \"thon-khong-co\""))
    }

    @Test func everyReportFormatDownloadsAndOpens() async throws {
        let fixture = try await ReportFixture()
        let schema = try Data(contentsOf: Self.root.appendingPathComponent("docs/report-schema.json"))
        try await Self.withApp(fixture) { desk in
            try await desk.signIn("xa", "mat-khau-xa-01")
            for format in ReportFormat.allCases {
                let answer = try await desk.send(
                    "/can-bo/bao-cao/tai?loai=yearly&nam=2026&dinh-dang=\(format.rawValue)&so=05&ngay=2026-12-05")
                #expect(answer.status == .ok, "\(format)")
                #expect(answer.headers[.contentType] == format.contentType)
                #expect(answer.headers[.contentDisposition]
                    == "attachment; filename=\"bao-cao-nam-2026.\(format.fileExtension)\"")
                let bytes = Data(answer.body.readableBytesView)
                switch format {
                case .docx:
                    let archive = try Archive(data: bytes, accessMode: .read)
                    #expect(archive["word/document.xml"] != nil)
                case .xlsx:
                    let archive = try Archive(data: bytes, accessMode: .read)
                    #expect(archive["xl/workbook.xml"] != nil)
                case .csv:
                    let rows = Array(try CSVReader(string: String(decoding: bytes, as: UTF8.self)))
                    #expect(rows.contains { $0.first == "Thôn A" })
                case .json:
                    #expect(try JSONSchemaValidator(schema: schema).violations(of: bytes) == [])
                case .html:
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(text.contains("Số: 05/BC-UBND") && text.contains("Thôn A"))
                case .md:
                    #expect(String(decoding: bytes, as: UTF8.self).contains("Thôn A"))
                }
            }
            // On 1 December 2026 the 2027 review has not started: refused in Vietnamese, not an all-zero 2027.
            let review = try await desk.send("/can-bo/bao-cao/tai?loai=review&nam=2027&dinh-dang=md")
            #expect(review.status == .unprocessableContent)
            #expect(String(buffer: review.body).contains("Năm báo cáo 2027 chưa bắt đầu"))
            let awards = try await desk.send("/can-bo/bao-cao/tai?loai=awards&nam=2026&dinh-dang=html")
            #expect(String(buffer: awards.body).contains("Trần Thị Bình"))
            let badYear = try await desk.send("/can-bo/bao-cao/tai?loai=yearly&nam=1999&dinh-dang=html")
            #expect(badYear.status == .badRequest)
        }
    }

    @Test func aClerkDownloadsTheirOwnUnitsReportAndIsRefusedAnother() async throws {
        let fixture = try await ReportFixture()
        try await Self.withApp(fixture) { desk in
            try await desk.signIn("thona", "mat-khau-thon-a")
            let own = try await desk.send("/can-bo/bao-cao/tai?loai=yearly&nam=2026&dinh-dang=json")
            #expect(own.status == .ok)
            #expect(own.headers[.contentDisposition] == "attachment; filename=\"bao-cao-nam-2026-thon-a.json\"")
            let report = try JSONReportCoder.decode(Data(own.body.readableBytesView))
            #expect(report.byUnit.map(\.unitID) == ["thon-a"])
            for uri in ["/can-bo/bao-cao/tai?loai=yearly&nam=2026&dinh-dang=json&don-vi=thon-b",
                        "/can-bo/tong-quan?don-vi=thon-b"] {
                let refused = try await desk.send(uri)
                #expect(refused.status == .forbidden, "\(uri)")
                #expect(!String(buffer: refused.body).contains("Thôn B"), "\(uri)")
            }
            let dashboard = String(buffer: try await desk.send("/can-bo/tong-quan").body)
            #expect(dashboard.contains("Thôn A") && !dashboard.contains("Thôn B"))
        }
    }

    @Test func theReviewDownloadsOnceItsYearHasCome() async throws {
        let fixture = try await ReportFixture()
        try await Self.withApp(fixture, now: ReportFixture.after2027) { desk in
            try await desk.signIn("xa", "mat-khau-xa-01")
            let review = try await desk.send("/can-bo/bao-cao/tai?loai=review&nam=2027&dinh-dang=md")
            #expect(review.status == .ok)
            #expect(String(buffer: review.body).contains("2025–2027"))
        }
    }

    @Test func aWrongReportIsRefusedWithItsVietnameseMessage() async throws {
        let fixture = try await ReportFixture()
        try await Self.withApp(fixture) { desk in
            try await desk.signIn("xa", "mat-khau-xa-01")
            // Dated before the figures (counted to 1 December) while the year still runs.
            let early = try await desk.send("/can-bo/bao-cao/tai?loai=yearly&nam=2026&dinh-dang=html&ngay=2026-11-20")
            #expect(early.status == .unprocessableContent)
            #expect(String(buffer: early.body).contains("Ngày ghi trên văn bản (20/11/2026) sớm hơn số liệu"))
            let notReview = try await desk.send("/can-bo/bao-cao/tai?loai=review&nam=2026&dinh-dang=html")
            #expect(notReview.status == .unprocessableContent)
            #expect(String(buffer: notReview.body).contains("không phải năm sơ kết hay tổng kết"))
        }
    }

    @Test func aUnitsDownloadIsThatUnitsDocument() async throws {
        let fixture = try await ReportFixture()
        try await Self.withApp(fixture) { desk in
            try await desk.signIn("thona", "mat-khau-thon-a")
            let answer = try await desk.send("/can-bo/bao-cao/tai?loai=yearly&nam=2026&dinh-dang=md")
            #expect(answer.status == .ok)
            let text = String(buffer: answer.body)
            #expect(text.contains("THÔN A"))
            #expect(text.contains("Ủy ban nhân dân xã Thử (qua Phòng Văn hoá - Xã hội)"))
            #expect(text.contains("Trong kỳ báo cáo, đơn vị có 3 người học"))
            #expect(text.contains("THỦ TRƯỞNG ĐƠN VỊ"), "a unit without a configured head: left for the clerk")
            #expect(!text.contains("TM. ỦY BAN NHÂN DÂN") && !text.contains("Nguyễn Văn Thử"),
                    "not the commune's closing")
        }
    }
}
