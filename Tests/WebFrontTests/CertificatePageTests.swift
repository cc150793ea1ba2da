import CourseContent
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LearningCore
import Testing
import TestSupport
@testable import WebFront

/// The printable certificate (`/chung-nhan/{code}`) and the public check of its code (`/xac-minh/{code}`).
@Suite struct CertificatePageTests {
    /// Registers Nguyễn Thị Lan (Thôn Đông), has her read the first lesson and pass the final quiz with 4 of 5
    /// right (80%) through the use cases, and returns her completion: on 1 December 2026 in Hà Nội, by the test
    /// clock.
    static func completedLearner(_ repository: InMemoryProgressRepository, clock: TestClock) async throws
        -> CourseCompletion
    {
        let lan = try await WebTestApp.registerLearner(repository, clock: clock)
        let learning = LearningService(repository: repository, catalog: CourseFixtures.catalog(), clock: clock,
                                       random: SeededRandomSource(seed: 3))
        try await learning.finishLesson(lan, courseID: "khoa", lessonID: "01-mot")
        let attempt = try await learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        for (index, question) in attempt.questions.enumerated() {
            let response = index == 0 ? CourseFixtures.wrongResponse(question) : CourseFixtures.rightResponse(question)
            _ = try await learning.answer(lan, attemptID: attempt.attemptID, questionID: question.id,
                                          response: response)
        }
        clock.advance(seconds: 60)
        let submitted = try await learning.submit(lan, attemptID: attempt.attemptID, submissionID: "s-lan")
        return try #require(submitted.result?.completion)
    }

    /// `text` as a Mustache template prints it.
    static func escaped(_ text: String) -> String { HTMLEscaping.escape(text) }

    // MARK: The learner's certificate

    @Test func theLearnersCertificateHoldsWhatItCertifiesAndAQRCodeOfTheVerificationAddress() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let completion = try await Self.completedLearner(repository, clock: clock)
        let code = completion.verificationCode
        try await WebTestApp.test(repository: repository, clock: clock) { client in
            let browser = KioskBrowser(client)
            _ = try await KioskJourneyTests.signIn(browser)
            let results = try await browser.get("/ket-qua-cua-toi")
            #expect(results.body.contains("href=\"/chung-nhan/\(code)\""), "linked from the learner's results")

            let page = try await browser.get("/chung-nhan/\(code)")
            #expect(page.status == .ok)
            #expect(page.headers[.cacheControl] == "no-store")
            let body = page.body
            for text in ["<title>Giấy chứng nhận hoàn thành khoá học · Học tập số</title>",
                         ">Giấy chứng nhận</span> <span class=\"certificate-title-sub\">hoàn thành khoá học</span></h1>",
                         "Nguyễn Thị Lan", "Đơn vị: Thôn Đông",
                         "Khoá học thử", "01/12/2026", "80%", code, "Ủy ban nhân dân xã Thử chứng nhận",
                         "<p>ỦY BAN NHÂN DÂN</p><p>XÃ THỬ</p>", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Thử, ngày 01 tháng 12 năm 2026", "http://localhost/xac-minh/\(code)",
                         "href=\"/static/certificate.css\"", "<script src=\"/static/print.js\" defer></script>",
                         "In giấy chứng nhận"] {
                #expect(body.contains(text), "\(text)")
            }
            #expect(!body.contains("style=\""), "the security policy allows no inline style")
            #expect(!body.contains("certificate-name-long") && !body.contains("certificate-course-long"))
            let svg = try #require(QRCodeReader.firstSVG(in: body))
            #expect(svg.contains("<title>Mã QR dẫn tới trang xác minh giấy chứng nhận: http://localhost/xac-minh/\(code)</title>"))
            #expect(try QRCodeReader.decode(svg: svg) == "http://localhost/xac-minh/\(code)")
        }
    }

    @Test func theQRCodePointsToTheConfiguredPublicAddressOrToHTTPSBehindATLSProxy() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let code = try await Self.completedLearner(repository, clock: clock).verificationCode
        let publicURL = URL(string: "https://hoctap.kienthuy.gov.vn/")
        try await WebTestApp.test(repository: repository, clock: clock, publicBaseURL: publicURL) { client in
            let browser = KioskBrowser(client)
            _ = try await KioskJourneyTests.signIn(browser)
            let page = try await browser.get("/chung-nhan/\(code.lowercased())")
            let svg = try #require(QRCodeReader.firstSVG(in: page.body))
            #expect(try QRCodeReader.decode(svg: svg) == "https://hoctap.kienthuy.gov.vn/xac-minh/\(code)")
        }
        try await WebTestApp.test(repository: repository, clock: clock) { client in
            let browser = KioskBrowser(client)
            _ = try await KioskJourneyTests.signIn(browser)
            let page = try await browser.send("/chung-nhan/\(code)", method: .get,
                                              headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"], body: nil)
            let svg = try #require(QRCodeReader.firstSVG(in: page.body))
            #expect(try QRCodeReader.decode(svg: svg) == "https://localhost/xac-minh/\(code)")
        }
    }

    @Test func onlyAPlainHostNameOrAddressWithAPortIsTakenFromTheHostHeader() {
        for host in ["localhost", "127.0.0.1:8080", "hoctap.kienthuy.gov.vn", "[::1]:8080", "[fe80::1]", "may-hoc-1"] {
            #expect(CertificatePage.isPlainHost(host), "\(host)")
        }
        for host in ["", "evil.example/phish", "a@b", "x\"><script>", "host:port", "h:123456", ":80", ".x", "-x",
                     "[::1", "[::1]x", "a b", "xn--nht-2za.vn:80:80", "máy.vn"] {
            #expect(!CertificatePage.isPlainHost(host), "\(host)")
        }
    }

    @Test func aLongNameIsSetSmallerSoTheSheetStaysOnePage() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let completion = try await Self.completedLearner(repository, clock: clock)
        let long = "Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc"
        _ = try await StaffService(repository: repository, clock: clock).correct(
            .console, learnerID: completion.learnerID, LearnerCorrection(displayName: long))
        try await WebTestApp.test(repository: repository, clock: clock) { client in
            let browser = KioskBrowser(client)
            _ = try await KioskJourneyTests.signIn(browser, name: long)
            let page = try await browser.get("/chung-nhan/\(completion.verificationCode)")
            #expect(page.body.contains("<p class=\"certificate-name certificate-name-long\">\(long)</p>"))
            #expect(!page.body.contains("certificate-course-long"), "the course's title is short")
        }
    }

    @Test func anotherLearnersCodeIsNotFoundAndNothingOfTheCertificateShows() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let code = try await Self.completedLearner(repository, clock: clock).verificationCode
        _ = try await SignInService(repository: repository, clock: clock).register(
            NewLearner(displayName: "Trần Văn Bình", unitID: "thon-2", category: .citizens, pin: "1357"),
            consent: CourseFixtures.consent)
        try await WebTestApp.test(repository: repository, clock: clock) { client in
            let browser = KioskBrowser(client)
            let form = try await browser.get("/dang-nhap?don-vi=thon-2")
            _ = try await browser.post("/dang-nhap", [("csrf", KioskBrowser.csrf(form) ?? ""), ("unitId", "thon-2"),
                                                      ("name", "Trần Văn Bình"), ("pin", "1357")])
            let page = try await browser.get("/chung-nhan/\(code)")
            #expect(page.status == .notFound)
            #expect(page.body.contains(Self.escaped(WebTestApp.messages.text("errors.certificate-not-found", [code]))))
            #expect(!page.body.contains("Nguyễn Thị Lan") && !page.body.contains("<svg"))
            let unknown = try await browser.get("/chung-nhan/ZZZZZZZZZZ")
            #expect(unknown.status == .notFound, "the same answer as for a code that does not exist")
        }
    }

    @Test func withoutASessionTheCertificateSendsToSignIn() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let code = try await Self.completedLearner(repository, clock: clock).verificationCode
        try await WebTestApp.test(repository: repository, clock: clock) { client in
            let page = try await KioskBrowser(client).get("/chung-nhan/\(code)")
            #expect(page.status == .seeOther)
            #expect(page.location == "/dang-nhap")
            #expect(!page.body.contains("Nguyễn Thị Lan"))
        }
    }

    @Test func thePrintStylesheetMakesOneA4LandscapePageWithoutTheKiosksMenu() async throws {
        try await WebTestApp.test { client in
            let css = try await PageTests.get(client, "/static/certificate.css")
            #expect(css.status == .ok)
            #expect(css.body.contains("@page { size: A4 landscape; margin: 10mm; }"))
            let print = try #require(css.body.components(separatedBy: "@media print").last)
            #expect(print.contains(".site-header, .site-footer, .skip-link, .idle-warning, .no-print { display: none"))
            #expect(print.contains("height: 189mm"))
            let script = try await PageTests.get(client, "/static/print.js")
            #expect(script.status == .ok && script.body.contains("window.print()"))
        }
    }

    // MARK: The public check

    @Test func theCheckOfAKnownCodeShowsNameCourseAndDateOnly() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let code = try await Self.completedLearner(repository, clock: clock).verificationCode
        try await WebTestApp.test(repository: repository, clock: clock) { client in
            let typed = String(code.prefix(4)).lowercased() + "-" + String(code.dropFirst(4)).lowercased()
            for uri in ["/xac-minh/\(code)", "/xac-minh/\(typed)"] {
                let page = try await PageTests.get(client, uri)
                #expect(page.status == .ok)
                #expect(page.body.contains("Giấy chứng nhận có thật"))
                for text in ["Nguyễn Thị Lan", "Khoá học thử", "01/12/2026", code] {
                    #expect(page.body.contains(text), "\(text)")
                }
                for text in ["Thôn Đông", "thon-1", "80%", "Điểm", "Kết quả bài kiểm tra", "<svg"] {
                    #expect(!page.body.contains(text), "\(text) is not for the public")
                }
            }
        }
    }

    @Test func anUnknownCodeIsA404InVietnameseWithTheFormToTryAgain() async throws {
        try await WebTestApp.test { client in
            let page = try await PageTests.get(client, "/xac-minh/ZZZZ-ZZZZ")
            #expect(page.status == .notFound)
            let message = WebTestApp.messages.text("errors.certificate-not-found", ["ZZZZ-ZZZZ"])
            #expect(message.hasPrefix("Không tìm thấy chứng nhận có mã"))
            #expect(page.body.contains(Self.escaped(message)))
            #expect(page.body.contains("<form method=\"get\" action=\"/xac-minh\""))
            #expect(page.body.contains("value=\"ZZZZ-ZZZZ\""))
            #expect(!page.body.contains("Giấy chứng nhận có thật"))
        }
    }

    @Test func theFormSendsTheTypedCodeToItsOwnAddress() async throws {
        try await WebTestApp.test { client in
            let form = try await PageTests.get(client, "/xac-minh")
            #expect(form.status == .ok)
            #expect(form.body.contains("name=\"ma\""))
            #expect(!form.body.contains("Bạn chưa nhập mã xác nhận."))
            let typed = try await PageTests.get(client, "/xac-minh?ma=+abcd+efgh+")
            #expect(typed.status == .seeOther)
            #expect(typed.headers[.location] == "/xac-minh/abcd%20efgh")
            let empty = try await PageTests.get(client, "/xac-minh?ma=")
            #expect(empty.status == .ok)
            #expect(empty.body.contains("Bạn chưa nhập mã xác nhận."))
        }
    }

    @Test func checksAreRateLimitedPerAddressTogetherWithTheAPIsLookups() async throws {
        try await WebTestApp.test { client in
            for index in 0..<20 {
                let uri = index.isMultiple(of: 2) ? "/xac-minh/ABCDEFGHJK" : "/api/v1/certificates/ABCDEFGHJK"
                let reply = try await PageTests.get(client, uri)
                #expect(reply.status == .notFound, "\(uri)")
            }
            let page = try await PageTests.get(client, "/xac-minh/ABCDEFGHJK")
            #expect(page.status == .tooManyRequests)
            #expect(Int(page.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(page.body.contains(Self.escaped(WebTestApp.messages.text("web.input.too-many-lookups"))))
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let api = try await PageTests.get(client, "/api/v1/certificates/ABCDEFGHJK")
            #expect(api.status == .tooManyRequests)
            // The form itself looks nothing up, so it still answers.
            #expect(try await PageTests.get(client, "/xac-minh").status == .ok)
        }
    }

    @Test func theCheckOfADeletedLearnersCodeSaysTheNameWasDeleted() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let completion = try await Self.completedLearner(repository, clock: clock)
        try await StaffService(repository: repository, clock: clock).delete(.console, learnerID: completion.learnerID)
        try await WebTestApp.test(repository: repository, clock: clock) { client in
            let page = try await PageTests.get(client, "/xac-minh/\(completion.verificationCode)")
            #expect(page.status == .ok)
            #expect(page.body.contains("dữ liệu cá nhân của người học đã được xoá"))
            #expect(page.body.contains("Khoá học thử") && !page.body.contains("Nguyễn Thị Lan"))
        }
    }
}
