import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import WebFront

/// The kiosk pages of this slice, as an anonymous visitor sees them.
@Suite struct PageTests {
    /// GETs `uri` and returns the status, headers and body text.
    static func get(_ client: some TestClientProtocol, _ uri: String) async throws
        -> (status: HTTPResponse.Status, headers: HTTPFields, body: String)
    {
        try await client.execute(uri: uri, method: .get) { response in
            (response.status, response.headers, String(buffer: response.body))
        }
    }

    @Test("Every page of the slice renders in Vietnamese with the course's title",
          arguments: ["/", "/hoc-thu", "/khoa-hoc/khoa", "/khoa-hoc/khoa/bai/01-mot", "/khoa-hoc/khoa/bai/02-hai"])
    func pageRenders(_ uri: String) async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, uri)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.body.hasPrefix("<!DOCTYPE html>"))
            #expect(page.body.contains("<html lang=\"vi\">"))
            #expect(page.body.contains("<meta charset=\"utf-8\">"))
            #expect(page.body.contains("Khoá học thử"))
            #expect(page.body.contains("href=\"/static/kiosk.css\""))
            #expect(!page.body.contains("<script"))
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }

    @Test("Every page renders for a signed-in learner, with their name, no-store and the idle script",
          arguments: ["/", "/hoc-thu", "/cua-toi", "/ket-qua-cua-toi", "/khoa-hoc/khoa", "/khoa-hoc/khoa/bai/01-mot",
                      "/khoa-hoc/khoa/bai/02-hai", "/khoa-hoc/khoa/kiem-tra/quiz", "/khoa-hoc/khoa/kiem-tra/01-mot",
                      "/dang-nhap", "/dang-ky", "/thong-bao-du-lieu"])
    func pageRendersSignedIn(_ uri: String) async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            try await KioskJourneyTests.signIn(browser)
            let page = try await browser.get(uri)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.body.contains("<html lang=\"vi\">"))
            #expect(page.body.contains("Nguyễn Thị Lan"))
            #expect(page.body.contains("Kết thúc</button>"))
            #expect(page.body.contains("<script src=\"/static/idle.js\" defer></script>"))
            #expect(!page.body.contains("<script>"))
            #expect(!page.body.contains("style=\""))
        }
    }

    @Test("Pages with forms render for an anonymous visitor too",
          arguments: ["/dang-nhap", "/dang-nhap?don-vi=thon-1", "/dang-nhap?tim=dong", "/dang-ky",
                      "/thong-bao-du-lieu", "/khoa-hoc/khoa/kiem-tra/quiz"])
    func formPageRendersAnonymously(_ uri: String) async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, uri)
            #expect(page.status == .ok)
            #expect(page.body.contains("<html lang=\"vi\">"))
            #expect(!page.body.contains("Kết thúc</button>"))
            #expect(!page.body.contains("<script"))
        }
    }

    @Test func unitSearchIgnoresDiacritics() async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, "/dang-nhap?tim=dong")
            #expect(page.body.contains("Thôn Đông"))
            #expect(!page.body.contains("Thôn Tây"))
            #expect(page.body.contains("href=\"/dang-nhap?don-vi=thon-1\""))
        }
    }

    @Test("Personal pages send an anonymous visitor to sign in", arguments: ["/cua-toi", "/ket-qua-cua-toi"])
    func personalPagesRedirect(_ uri: String) async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, uri)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/dang-nhap")
        }
    }

    @Test func startPageOffersBothWays() async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, "/")
            #expect(page.body.contains("Bắt đầu học"))
            #expect(page.body.contains("Học thử, không cần đăng nhập"))
            #expect(page.body.contains("href=\"/hoc-thu\""))
        }
    }

    @Test func practiceCourseListLinksTheCourse() async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, "/hoc-thu")
            #expect(page.body.contains("href=\"/khoa-hoc/khoa\""))
            #expect(page.body.contains("không có thông tin nào được lưu lại") || page.body.contains("Không có thông tin nào được lưu lại"))
        }
    }

    @Test func coursePageListsItsLessons() async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, "/khoa-hoc/khoa")
            #expect(page.body.contains("href=\"/khoa-hoc/khoa/bai/01-mot\""))
            #expect(page.body.contains("href=\"/khoa-hoc/khoa/bai/02-hai\""))
            #expect(page.body.contains("Bài một"))
            #expect(page.body.contains("Bài hai"))
        }
    }

    @Test func lessonPageShowsTheLessonWithNeighboursAndSaysNothingIsStored() async throws {
        try await WebTestApp.test { client in
            let first = try await Self.get(client, "/khoa-hoc/khoa/bai/01-mot")
            #expect(first.body.contains("<p>Một</p>"))
            #expect(first.body.contains("Bạn đang học thử."))
            #expect(first.body.contains("Không có thông tin nào được lưu lại"))
            #expect(first.body.contains("rel=\"next\" href=\"/khoa-hoc/khoa/bai/02-hai\""))
            #expect(!first.body.contains("rel=\"prev\""))

            let second = try await Self.get(client, "/khoa-hoc/khoa/bai/02-hai")
            #expect(second.body.contains("<p>Hai</p>"))
            #expect(second.body.contains("rel=\"prev\" href=\"/khoa-hoc/khoa/bai/01-mot\""))
            #expect(!second.body.contains("rel=\"next\""))
        }
    }

    @Test("Unknown course, lesson or page: a Vietnamese 404 page",
          arguments: ["/khoa-hoc/khong-co", "/khoa-hoc/khong-co/bai/01-mot", "/khoa-hoc/khoa/bai/99-khong", "/khong-co-trang-nay"])
    func notFoundIsAVietnamesePage(_ uri: String) async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, uri)
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.body.contains("<html lang=\"vi\">"))
            #expect(page.body.contains("Không tìm thấy") || page.body.contains("Không có"))
            #expect(page.body.contains("href=\"/\""))
        }
    }

    @Test func unknownCourseNamesItInTheMessage() async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, "/khoa-hoc/khong-co")
            #expect(page.body.contains("Không có khoá học &quot;khong-co&quot;") || page.body.contains("Không có khoá học \"khong-co\""))
        }
    }

    @Test func markupInAnUnknownIdIsEscaped() async throws {
        try await WebTestApp.test { client in
            let page = try await Self.get(client, "/khoa-hoc/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            #expect(page.status == .notFound)
            #expect(!page.body.contains("<script>"))
        }
    }

    @Test func wrongMethodIsAVietnamesePageNotACrash() async throws {
        try await WebTestApp.test { client in
            try await client.execute(uri: "/hoc-thu", method: .delete) { response in
                #expect(response.status.kind == .clientError)
                #expect(String(buffer: response.body).contains("<html lang=\"vi\">"))
            }
        }
    }

    @Test func theIdleCountdownScriptIsAStaticFile() async throws {
        try await WebTestApp.test { client in
            let script = try await Self.get(client, "/static/idle.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.body.contains("data-idle-seconds"))
        }
    }

    @Test func stylesheetIsServedWithItsType() async throws {
        try await WebTestApp.test { client in
            let css = try await Self.get(client, "/static/kiosk.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.body.contains("font-size"))
            #expect(css.body.contains(":focus-visible"))
        }
    }

    @Test("No path leaves Content/web/static",
          arguments: ["/static/../Package.swift", "/static/%2e%2e/Package.swift", "/static/..%2fPackage.swift",
                      "/static/../../Content/strings/vi.yaml", "/static/.hidden", "/static/"])
    func pathTraversalIsRefused(_ uri: String) async throws {
        try await WebTestApp.test { client in
            let response = try await Self.get(client, uri)
            #expect(response.status == .badRequest || response.status == .notFound)
            #expect(response.body.contains("<html lang=\"vi\">"))
            #expect(!response.body.contains("swift-tools-version"))
            #expect(!response.body.contains("PackageDescription"))
        }
    }
}
