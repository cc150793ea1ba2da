import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LearningCore
import NIOCore
import Testing
import TestSupport
import WebFront

/// Whole journeys through the kiosk's HTML forms, as a person at the kiosk makes them.
@Suite struct KioskJourneyTests {
    /// Signs in through the forms: unit page → name and PIN.
    static func signIn(_ browser: KioskBrowser, name: String = "Nguyễn Thị Lan", pin: String = "2468") async throws
        -> KioskBrowser.Page
    {
        let form = try await browser.get("/dang-nhap?don-vi=thon-1")
        #expect(form.status == .ok)
        let csrf = try #require(KioskBrowser.csrf(form))
        return try await browser.post("/dang-nhap", [("csrf", csrf), ("unitId", "thon-1"), ("name", name), ("pin", pin)])
    }

    /// Answers the question page at `uri` with its right ("Đúng …") or wrong choice and moves on.
    static func answer(_ browser: KioskBrowser, _ uri: String, right: Bool, go: String = "next") async throws
        -> KioskBrowser.Page
    {
        let page = try await browser.get(uri)
        #expect(page.status == .ok)
        let choice = try #require(KioskBrowser.choices(page.body).first { $0.text.hasPrefix(right ? "Đúng" : "Sai") })
        return try await browser.post(uri, [("csrf", KioskBrowser.csrf(page) ?? ""), ("answer", choice.id), ("go", go)])
    }

    @Test func aWholeJourneyStoresOneAttemptAndOneCompletion() async throws {
        let repository = InMemoryProgressRepository()
        let learner = try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            let signedIn = try await Self.signIn(browser)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.location == "/cua-toi")
            let cookie = try #require(signedIn.headers[values: .setCookie].first)
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))

            let mine = try await browser.get("/cua-toi")
            #expect(mine.status == .ok)
            #expect(mine.body.contains("Nguyễn Thị Lan"))
            #expect(mine.body.contains("Chưa bắt đầu"))
            #expect(mine.headers[.cacheControl] == "no-store")

            // The lesson, read to the end.
            let lesson = try await browser.get("/khoa-hoc/khoa/bai/01-mot")
            #expect(lesson.body.contains("Đã đọc xong"))
            #expect(!lesson.body.contains("Bạn đang học thử."))
            let finished = try await browser.post("/khoa-hoc/khoa/bai/01-mot/da-doc",
                                                  [("csrf", KioskBrowser.csrf(lesson) ?? "")])
            #expect(finished.status == .seeOther)
            #expect(finished.location == "/khoa-hoc/khoa/bai/02-hai")
            #expect(try await browser.get("/khoa-hoc/khoa/bai/01-mot").body.contains("Bạn đã đọc xong bài này."))
            let coursePage = try await browser.get("/khoa-hoc/khoa").body
            #expect(coursePage.components(separatedBy: "✓ đã đọc xong").count == 2, "lesson 1 marked, lesson 2 not")

            // The final quiz, one question a page.
            let intro = try await browser.get("/khoa-hoc/khoa/kiem-tra/quiz")
            #expect(intro.body.contains("Gồm 5 câu"))
            let started = try await browser.post("/khoa-hoc/khoa/kiem-tra/quiz", [("csrf", KioskBrowser.csrf(intro) ?? "")])
            let first = try #require(started.location)
            #expect(first.hasSuffix("/cau/1"))
            let attemptPath = String(first.dropLast("/cau/1".count))
            for number in 1...5 {
                let moved = try await Self.answer(browser, "\(attemptPath)/cau/\(number)", right: true)
                #expect(moved.location == (number < 5 ? "\(attemptPath)/cau/\(number + 1)" : "\(attemptPath)/xem-lai"))
            }
            let review = try await browser.get("\(attemptPath)/xem-lai")
            #expect(review.body.contains("Nộp bài"))
            #expect(!review.body.contains("chưa trả lời"))
            let submissionID = try #require(KioskBrowser.value(of: "submissionId", in: review.body))
            let submitted = try await browser.post("\(attemptPath)/nop",
                                                   [("csrf", KioskBrowser.csrf(review) ?? ""), ("submissionId", submissionID)])
            #expect(submitted.location == "\(attemptPath)/ket-qua")
            // A double tap posts the same submission again: counted once.
            let again = try await browser.post("\(attemptPath)/nop",
                                               [("csrf", KioskBrowser.csrf(review) ?? ""), ("submissionId", submissionID)])
            #expect(again.location == "\(attemptPath)/ket-qua")

            let result = try await browser.get("\(attemptPath)/ket-qua")
            #expect(result.status == .ok)
            #expect(result.body.contains("100%"))
            #expect(result.body.contains("ĐẠT"))
            #expect(result.body.contains("Giải thích bí mật"), "after submission the quiz's rule shows explanations")
            let completions = try await repository.completions(learnerID: learner.learnerID)
            #expect(completions.count == 1)
            let code = try #require(completions.first?.verificationCode)
            #expect(result.body.contains(code))
            #expect(try await repository.attemptCount(learnerID: learner.learnerID, quizID: "khoa/quiz") == 1)

            let results = try await browser.get("/ket-qua-cua-toi")
            #expect(results.body.contains(code))
            #expect(results.body.contains("Khoá học thử"))
            #expect(try await browser.get("/cua-toi").body.contains("Đã hoàn thành"))

            // "Kết thúc" clears the kiosk.
            let end = try await browser.post("/ket-thuc", [("csrf", KioskBrowser.csrf(results) ?? "")])
            #expect(end.location == "/")
            #expect(browser.cookie == nil)
            let start = try await browser.get("/")
            #expect(!start.body.contains("Nguyễn Thị Lan"))
            #expect(try await browser.get("/ket-qua-cua-toi").location == "/dang-nhap")
        }
    }

    @Test func noAnswerKeyOrExplanationReachesTheQuizPagesBeforeSubmission() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            try await Self.signIn(browser)
            let intro = try await browser.get("/khoa-hoc/khoa/kiem-tra/quiz")
            let started = try await browser.post("/khoa-hoc/khoa/kiem-tra/quiz", [("csrf", KioskBrowser.csrf(intro) ?? "")])
            let attemptPath = String(try #require(started.location).dropLast("/cau/1".count))
            var bodies: [String] = [intro.body]
            for number in 1...5 {
                bodies.append(try await browser.get("\(attemptPath)/cau/\(number)").body)
                try await Self.answer(browser, "\(attemptPath)/cau/\(number)", right: number.isMultiple(of: 2))
                bodies.append(try await browser.get("\(attemptPath)/cau/\(number)").body)
            }
            bodies.append(try await browser.get("\(attemptPath)/xem-lai").body)
            for body in bodies {
                #expect(!body.contains("Giải thích bí mật"))
                #expect(!body.contains("isCorrect"))
                #expect(!body.contains("Đáp án đúng"))
                #expect(!body.contains("Chưa đúng"))
                #expect(!body.contains("✓"))
            }
        }
    }

    @Test func anIdleKioskForgetsTheLearnerWhoResumesOnTheSameQuestion() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository, clock: clock, idleTimeout: 300) { client in
            let browser = KioskBrowser(client)
            try await Self.signIn(browser)
            let intro = try await browser.get("/khoa-hoc/khoa/kiem-tra/quiz")
            let started = try await browser.post("/khoa-hoc/khoa/kiem-tra/quiz", [("csrf", KioskBrowser.csrf(intro) ?? "")])
            let attemptPath = String(try #require(started.location).dropLast("/cau/1".count))
            try await Self.answer(browser, "\(attemptPath)/cau/1", right: true)
            try await Self.answer(browser, "\(attemptPath)/cau/2", right: false)
            let third = try await browser.get("\(attemptPath)/cau/3")
            #expect(third.body.contains("Nguyễn Thị Lan"))

            // The learner walks away; 5 minutes later the next person touches the screen.
            clock.advance(seconds: 301)
            let back = try await browser.get("\(attemptPath)/cau/3")
            #expect(back.status == .seeOther)
            #expect(back.location == "/", "the next person sees the start page")
            #expect(browser.cookie == nil, "the stale cookie is removed")
            for uri in ["/", "/dang-nhap", "/hoc-thu", "/khoa-hoc/khoa", "/khoa-hoc/khoa/bai/01-mot"] {
                let page = try await browser.get(uri)
                #expect(page.status == .ok)
                #expect(!page.body.contains("Nguyễn Thị Lan"), "\(uri) shows the last person's name")
                #expect(!page.body.contains("Kết thúc</button>"))
            }
            for uri in ["/cua-toi", "/ket-qua-cua-toi", "\(attemptPath)/xem-lai", "\(attemptPath)/ket-qua"] {
                let page = try await browser.get(uri)
                #expect(page.status == .seeOther, "\(uri)")
                #expect(page.location == "/dang-nhap")
                #expect(!page.body.contains("Nguyễn Thị Lan"))
            }

            // The same learner comes back: straight to question 3, the first unanswered, same attempt.
            let again = try await Self.signIn(browser)
            #expect(again.location == "\(attemptPath)/cau/3")
            let resumed = try await browser.get("\(attemptPath)/cau/2")
            #expect(resumed.body.contains(" checked>"), "the draft answer of question 2 is still there")
        }
    }

    @Test func theCookieIsSecureWhenTheRequestCameOverHTTPS() async throws {
        try await WebTestApp.test { client in
            try await client.execute(uri: "/dang-ky", method: .get, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"]) { response in
                let cookie = response.headers[values: .setCookie].first ?? ""
                #expect(cookie.hasPrefix("hoctap_phien="))
                #expect(cookie.contains("; Secure"))
                #expect(cookie.contains("HttpOnly"))
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test func anIdleBearerTokenStopsWorking() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository, clock: clock, idleTimeout: 300) { client in
            let token = try await APIJourneyTests.signIn(client)
            clock.advance(seconds: 200)
            #expect(try await APIJourneyTests.call(client, .get, "/api/v1/me/progress", token: token).status == .ok)
            clock.advance(seconds: 200)
            #expect(try await APIJourneyTests.call(client, .get, "/api/v1/me/progress", token: token).status == .ok)
            clock.advance(seconds: 301)
            #expect(try await APIJourneyTests.call(client, .get, "/api/v1/me/progress", token: token).status == .unauthorized)
        }
    }

    @Test func aFormWithoutItsCSRFTokenIsRefusedInVietnamese() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            try await browser.get("/dang-nhap?don-vi=thon-1")
            for fields in [[("unitId", "thon-1"), ("name", "Nguyễn Thị Lan"), ("pin", "2468")],
                           [("csrf", "0123456789abcdef0123456789abcdef"), ("unitId", "thon-1"), ("name", "Nguyễn Thị Lan"), ("pin", "2468")]] {
                let refused = try await browser.post("/dang-nhap", fields)
                #expect(refused.status == .forbidden)
                #expect(refused.body.contains("<html lang=\"vi\">"))
                #expect(refused.body.contains("phiên học đã kết thúc"))
            }
            try await Self.signIn(browser)
            let lesson = try await browser.get("/khoa-hoc/khoa/bai/01-mot")
            #expect(lesson.body.contains("Đã đọc xong"))
            let refused = try await browser.post("/khoa-hoc/khoa/bai/01-mot/da-doc", [("csrf", "sai")])
            #expect(refused.status == .forbidden)
            let other = KioskBrowser(client)
            let stolen = try await other.post("/khoa-hoc/khoa/bai/01-mot/da-doc", [("csrf", KioskBrowser.csrf(lesson) ?? "")])
            #expect(stolen.status == .forbidden, "another browser's post with a copied token has no session")
            let ended = try await other.post("/ket-thuc", [("csrf", KioskBrowser.csrf(lesson) ?? "")])
            #expect(ended.location == "/")
            #expect(try await browser.get("/cua-toi").status == .ok, "another browser cannot end this session")
        }
    }

    @Test func wrongPINsAreThrottledWithA429AndRetryAfter() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            var statuses: [HTTPResponse.Status] = []
            var last: KioskBrowser.Page?
            for _ in 0..<5 {
                let page = try await Self.signIn(browser, pin: "0000")
                statuses.append(page.status)
                last = page
            }
            #expect(statuses.prefix(3).allSatisfy { $0 == .unauthorized })
            #expect(statuses.contains(.tooManyRequests))
            let throttled = try #require(last)
            #expect(throttled.status == .tooManyRequests)
            #expect(Int(throttled.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(throttled.body.contains("<html lang=\"vi\">"))
            #expect(throttled.body.contains("class=\"error\""))
            // The right PIN is refused too while throttled.
            #expect(try await Self.signIn(browser).status == .tooManyRequests)
        }
    }

    @Test func aWrongPINShowsTheUseCasesMessageAndKeepsTheName() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            let page = try await Self.signIn(browser, pin: "1357")
            #expect(page.status == .unauthorized)
            #expect(page.body.contains(WebTestApp.messages.text(LearningError(.signInFailed))))
            #expect(page.body.contains("value=\"Nguyễn Thị Lan\""))
        }
    }

    @Test func aNameTypedInNFDSignsInAndRegisters() async throws {
        let repository = InMemoryProgressRepository()
        let nfd = "Nguyễn Thị Lan".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count != "Nguyễn Thị Lan".unicodeScalars.count)
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            let signedIn = try await Self.signIn(browser, name: nfd)
            #expect(signedIn.location == "/cua-toi")
            #expect(try await browser.get("/cua-toi").body.contains("Nguyễn Thị Lan"))

            let other = KioskBrowser(client)
            let form = try await other.get("/dang-ky?don-vi=thon-2")
            let registered = try await other.post("/dang-ky", [
                ("csrf", KioskBrowser.csrf(form) ?? ""), ("unitId", "thon-2"),
                ("name", "Trần Văn Đức".decomposedStringWithCanonicalMapping), ("category", "nguoi-dan"),
                ("phone", ""), ("pin", "8642"), ("pinAgain", "8642"), ("consentLearning", "1"),
            ])
            #expect(registered.location == "/cua-toi")
            let learner = try #require(try await repository.learners(unitID: "thon-2", named: "Trần Văn Đức").first)
            #expect(learner.displayName == "Trần Văn Đức")
            #expect(learner.displayName?.unicodeScalars.count == "Trần Văn Đức".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        }
    }

    @Test func registrationNeedsTheLearningConsentAndRecordsItWithTheNoticeVersion() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            let form = try await browser.get("/dang-ky")
            #expect(form.body.contains("91/2025/QH15"))
            #expect(form.body.contains("name=\"consentLearning\""))
            #expect(form.body.contains("name=\"consentReporting\""))
            let fields = [("csrf", KioskBrowser.csrf(form) ?? ""), ("unitId", "thon-1"), ("name", "Lê Thị Hoa"),
                          ("category", "nguoi-dan"), ("pin", "1470"), ("pinAgain", "1470")]
            let refused = try await browser.post("/dang-ky", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains(WebTestApp.messages.text(LearningError(.consentNotGiven))))
            #expect(refused.body.contains("value=\"Lê Thị Hoa\""))
            let mismatch = try await browser.post("/dang-ky", fields.dropLast() + [("pinAgain", "1471"), ("consentLearning", "1")])
            #expect(mismatch.status == .unprocessableContent)
            let done = try await browser.post("/dang-ky", fields + [("consentLearning", "1"), ("consentReporting", "1")])
            #expect(done.location == "/cua-toi")
            let consents = await repository.consents()
            #expect(Set(consents.map(\.purpose)) == [.learning, .reporting])
            #expect(consents.allSatisfy { $0.noticeVersion == "2026-01" && $0.given })
        }
    }

    @Test func practiceQuizWithoutSigningInStoresNothing() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            let lesson = try await browser.get("/khoa-hoc/khoa/bai/01-mot")
            #expect(lesson.body.contains("href=\"/khoa-hoc/khoa/kiem-tra/01-mot\""))
            #expect(!lesson.body.contains("Đã đọc xong"))
            let intro = try await browser.get("/khoa-hoc/khoa/kiem-tra/quiz")
            #expect(intro.body.contains("Bạn đang làm thử."))
            let started = try await browser.post("/khoa-hoc/khoa/kiem-tra/quiz", [("csrf", KioskBrowser.csrf(intro) ?? "")])
            let attemptPath = String(try #require(started.location).dropLast("/cau/1".count))
            let question = try await browser.get("\(attemptPath)/cau/1")
            #expect(question.body.contains("bài làm này không được lưu"))
            for number in 1...5 { try await Self.answer(browser, "\(attemptPath)/cau/\(number)", right: true) }
            let review = try await browser.get("\(attemptPath)/xem-lai")
            try await browser.post("\(attemptPath)/nop", [("csrf", KioskBrowser.csrf(review) ?? ""),
                                                        ("submissionId", KioskBrowser.value(of: "submissionId", in: review.body) ?? "")])
            let result = try await browser.get("\(attemptPath)/ket-qua")
            #expect(result.body.contains("100%"))
            #expect(result.body.contains("không được lưu"))
            #expect(try await repository.learners(unitID: nil).isEmpty)
            #expect(try await repository.expiredDrafts(at: .distantFuture, limit: 10).isEmpty)
        }
    }

    @Test func theLessonCheckShowsFeedbackAfterEachQuestion() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let browser = KioskBrowser(client)
            try await Self.signIn(browser)
            let intro = try await browser.get("/khoa-hoc/khoa/kiem-tra/01-mot")
            let started = try await browser.post("/khoa-hoc/khoa/kiem-tra/01-mot", [("csrf", KioskBrowser.csrf(intro) ?? "")])
            let uri = try #require(started.location)
            let page = try await browser.get(uri)
            #expect(!page.body.contains("Chưa đúng"))
            let sai = try #require(KioskBrowser.choices(page.body).first { $0.text == "Sai" })
            let saved = try await browser.post(uri, [("csrf", KioskBrowser.csrf(page) ?? ""), ("answer", sai.id), ("go", "review")])
            #expect(saved.location == uri, "feedback first, on the same page")
            let feedback = try await browser.get(uri)
            #expect(feedback.body.contains("Chưa đúng"))
        }
    }
}
