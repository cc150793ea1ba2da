import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LearningCore
import Testing
import TestSupport
import WebFront

/// The idle sign-out as the real browser of the reliability suite (Reliability/browser) found it wanting: a
/// touch while the countdown shows must keep the session on the server too, the countdown's end must end the
/// session, and a page shown without JavaScript must leave the screen once the session is over.
@Suite struct IdleSignOutTests {
    @Test func aTouchWhileTheNoticeShowsKeepsTheSessionAliveOnTheServer() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository, clock: clock, idleTimeout: 300) { client in
            let browser = KioskBrowser(client)
            try await KioskJourneyTests.signIn(browser)
            let lesson = try await browser.get("/khoa-hoc/khoa/bai/01-mot")
            let csrf = try #require(KioskBrowser.csrf(lesson))

            // The learner reads; the notice shows in the last minute and they touch the screen.
            clock.advance(seconds: 250)
            let touched = try await browser.post("/con-o-day", [("csrf", csrf)])
            #expect(touched.status == .noContent)
            // 500 s after the page was opened, 250 s after the touch: still signed in.
            clock.advance(seconds: 250)
            let read = try await browser.post("/khoa-hoc/khoa/bai/01-mot/da-doc", [("csrf", csrf)])
            #expect(read.status == .seeOther)
            #expect(read.location?.hasPrefix("/khoa-hoc/khoa/bai/02-hai") == true, "the lesson was marked read")
            #expect(try await browser.get("/cua-toi").body.contains("Nguyễn Thị Lan"))

            // Gone quiet for longer than the idle time: the "still here" cannot bring the session back.
            clock.advance(seconds: 301)
            let late = try await browser.post("/con-o-day", [("csrf", csrf)])
            #expect(late.status == .seeOther)
            #expect(late.location == "/")
            #expect(!(try await browser.get("/").body.contains("Nguyễn Thị Lan")))
        }
    }

    @Test func aStillHereNeedsTheSessionsTokenAndASignedInLearner() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository) { client in
            let visitor = KioskBrowser(client)
            let form = try await visitor.get("/dang-nhap?don-vi=thon-1")
            let anonymous = try await visitor.post("/con-o-day", [("csrf", KioskBrowser.csrf(form) ?? "")])
            #expect(anonymous.status != .noContent, "a session without a learner has nothing to keep")
            let browser = KioskBrowser(client)
            try await KioskJourneyTests.signIn(browser)
            let refused = try await browser.post("/con-o-day", [("csrf", "0123456789abcdef0123456789abcdef")])
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("<html lang=\"vi\">"))
        }
    }

    @Test func aSignedInPageLeavesTheScreenWithoutJavaScriptOnceTheSessionIsOver() async throws {
        let repository = InMemoryProgressRepository()
        try await WebTestApp.registerLearner(repository)
        try await WebTestApp.test(repository: repository, idleTimeout: 300) { client in
            let refresh = "<noscript><meta http-equiv=\"refresh\" content=\"305; url=/\"></noscript>"
            #expect(!(try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }).contains(refresh),
                    "nobody to sign out on the start page")
            let browser = KioskBrowser(client)
            try await KioskJourneyTests.signIn(browser)
            for uri in ["/cua-toi", "/khoa-hoc/khoa", "/khoa-hoc/khoa/bai/01-mot", "/ket-qua-cua-toi"] {
                let page = try await browser.get(uri)
                #expect(page.body.contains(refresh), "\(uri): 5 s past the idle time, the start page")
                #expect(page.body.contains("data-idle-seconds=\"300\""))
            }
        }
    }

    @Test func theCountdownEndsTheSessionAndReportsTouches() async throws {
        try await WebTestApp.test { client in
            let script = try await client.execute(uri: "/static/idle.js", method: .get) { String(buffer: $0.body) }
            #expect(script.contains("form[action=\"/ket-thuc\"]"), "at zero the “Kết thúc” form is sent")
            #expect(script.contains("csrf.form.submit()"))
            #expect(script.contains("fetch(\"/con-o-day\""), "a touch is reported to the server")
        }
    }
}
