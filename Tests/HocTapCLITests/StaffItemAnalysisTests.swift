import CampaignReports
import CourseContent
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

/// The staff area's item analysis (`/can-bo/bao-cao/cau-hoi`) over `ItemAnalysisFixture`: commune staff download
/// what `hoctap report items` writes; a unit clerk is neither offered it nor given it.
@Suite("Staff area: item analysis")
struct StaffItemAnalysisTests {
    typealias Desk = StaffAreaReportTests.Desk

    static func withApp<Value>(_ body: @escaping @Sendable (Desk) async throws -> Value) async throws -> Value {
        let folder = try ReadOnlyCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await ItemAnalysisFixture.store(at: folder.appendingPathComponent("s.sqlite").path)
        let clock = TestClock(start: ReportFixture.local(2026, 12, 1))
        _ = try await store.createStaffAccount(username: "xa", displayName: "Cán bộ xã", password: "mat-khau-xa-01",
                                               role: .communeStaff, unitID: nil, at: clock.now())
        _ = try await store.createStaffAccount(username: "thona", displayName: "Cán bộ thôn A",
                                               password: "mat-khau-thon-a", role: .unitClerk, unitID: "thon-a",
                                               at: clock.now())
        let content = ReadOnlyCommandTests.root.appendingPathComponent("Content")
        let services = KioskServices(
            learning: LearningService(repository: store, catalog: ItemAnalysisFixture.catalog, clock: clock,
                                      random: SeededRandomSource(seed: 3)),
            signIn: SignInService(repository: store, clock: clock), staff: StaffService(repository: store, clock: clock),
            messages: try MessageCatalog(contentDirectory: content), campaign: ReportFixture.campaign,
            reporting: store, itemAnalysis: store)
        let app = try await buildApplication(WebConfiguration(contentDirectory: content, sweepInterval: .seconds(3600)),
                                             services: services)
        return try await app.test(.router) { client in try await body(Desk(client)) }
    }

    @Test func communeStaffDownloadTheAnalysis() async throws {
        try await Self.withApp { desk in
            try await desk.signIn("xa", "mat-khau-xa-01")
            let page = String(buffer: try await desk.send("/can-bo/bao-cao").body)
            #expect(page.contains("action=\"/can-bo/bao-cao/cau-hoi\""))
            #expect(page.contains("<option value=\"khoa-phan-tich\">Khoá phân tích</option>"))
            #expect(!page.contains("<option value=\"khong-kiem-tra\">"), "a course without quiz is not offered")
            #expect(page.contains("id=\"nam-cau-hoi\" name=\"nam\"><option value=\"2025\">2025</option><option value=\"2026\" selected>"),
                    "the years of the campaign, this reporting year chosen")

            let json = try await desk.send("/can-bo/bao-cao/cau-hoi?khoa=khoa-phan-tich&nam=2026&dinh-dang=json")
            #expect(json.status == .ok)
            #expect(json.headers[.contentDisposition]?.contains("phan-tich-cau-hoi-khoa-phan-tich-2026.json") == true)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let analysis = try decoder.decode(CourseItemAnalysis.self, from: Data(json.body.readableBytesView))
            #expect(analysis.quizzes.first?.attempts == 5)

            let html = try await desk.send("/can-bo/bao-cao/cau-hoi?khoa=khoa-phan-tich&nam=2026&dinh-dang=html")
            #expect(html.status == .ok)
            #expect(String(buffer: html.body).contains("<svg"))
        }
    }

    @Test func wrongRequestsAreRefused() async throws {
        try await Self.withApp { desk in
            try await desk.signIn("xa", "mat-khau-xa-01")
            let unknown = try await desk.send("/can-bo/bao-cao/cau-hoi?khoa=khong-co&nam=2026&dinh-dang=html")
            #expect(unknown.status == .notFound)
            #expect(String(buffer: unknown.body).contains("Không có khoá học mã"))
            let noQuiz = try await desk.send("/can-bo/bao-cao/cau-hoi?khoa=khong-kiem-tra&nam=2026&dinh-dang=html")
            #expect(noQuiz.status == .unprocessableContent)
            let format = try await desk.send("/can-bo/bao-cao/cau-hoi?khoa=khoa-phan-tich&nam=2026&dinh-dang=docx")
            #expect(format.status == .badRequest)
        }
    }

    @Test func aUnitClerkIsNeitherOfferedNorGivenIt() async throws {
        try await Self.withApp { desk in
            try await desk.signIn("thona", "mat-khau-thon-a")
            let page = String(buffer: try await desk.send("/can-bo/bao-cao").body)
            #expect(!page.contains("/can-bo/bao-cao/cau-hoi"))
            let answer = try await desk.send("/can-bo/bao-cao/cau-hoi?khoa=khoa-phan-tich&nam=2026&dinh-dang=json")
            #expect(answer.status == .forbidden)
        }
    }
}
