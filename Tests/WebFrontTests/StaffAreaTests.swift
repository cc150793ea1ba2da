import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LearningCore
import NIOCore
import Testing
import TestSupport
import WebFront

/// The staff area (`/can-bo`) through its forms, as a clerk at a desk uses it: sign-in and its expiry, roles
/// checked on every URL (not only left out of the menu), the rights actions and the audit log, quiz closing.
@Suite struct StaffAreaTests {
    /// A commune with a clerk of thôn 1 (`dong`), a commune staff member (`xa`) and learners in both units.
    struct Commune {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        var lan: LearnerIdentity!
        var binh: LearnerIdentity!

        static func make() async throws -> Commune {
            var commune = Commune()
            let repository = commune.repository
            commune.lan = try await WebTestApp.registerLearner(repository, name: "Nguyễn Văn Lân", pin: "2468")
            commune.binh = try await SignInService(repository: repository, clock: commune.clock).register(
                NewLearner(displayName: "Trần Thị Bình", unitID: "thon-2", category: .citizens, pin: "1357"),
                consent: ConsentChoices(learning: true, reporting: true, noticeVersion: "2026-01"))
            _ = try await repository.createStaffAccount(username: "dong", displayName: "Cán bộ thôn Đông",
                                                        password: "mat-khau-dong", role: .unitClerk,
                                                        unitID: "thon-1", at: commune.clock.now())
            _ = try await repository.createStaffAccount(username: "xa", displayName: "Cán bộ xã",
                                                        password: "mat-khau-xa-01", role: .communeStaff,
                                                        unitID: nil, at: commune.clock.now())
            return commune
        }

        func test<Value>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws
            -> Value
        {
            try await WebTestApp.test(repository: repository, clock: clock, body)
        }
    }

    /// Signs in through the form; returns the answer to the post.
    @discardableResult
    static func signIn(_ browser: KioskBrowser, _ username: String, _ password: String) async throws
        -> KioskBrowser.Page
    {
        let form = try await browser.get("/can-bo/dang-nhap")
        #expect(form.status == .ok)
        let csrf = try #require(KioskBrowser.csrf(form))
        return try await browser.post("/can-bo/dang-nhap", [("csrf", csrf), ("username", username),
                                                            ("password", password)])
    }

    /// The staff page's CSRF token (the sign-out form's, the first on every staff page).
    static func csrf(_ browser: KioskBrowser) async throws -> String {
        try #require(KioskBrowser.csrf(try await browser.get("/can-bo/nguoi-hoc")))
    }

    @Test func signInOpensTheStaffAreaAndAWrongPasswordDoesNot() async throws {
        let commune = try await Commune.make()
        try await commune.test { client in
            let browser = KioskBrowser(client)
            let before = try await browser.get("/can-bo/tong-quan")
            #expect(before.status == .seeOther)
            #expect(before.location == "/can-bo/dang-nhap")

            let wrong = try await Self.signIn(browser, "xa", "sai-mat-khau")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains(WebTestApp.messages.text("errors.staff-sign-in-failed")))
            #expect(browser.staffCookie == nil)

            let right = try await Self.signIn(browser, "xa", "mat-khau-xa-01")
            #expect(right.status == .seeOther)
            #expect(right.location == "/can-bo/tong-quan")
            let cookie = try #require(right.headers[values: .setCookie].first { $0.hasPrefix("hoctap_can_bo=") })
            #expect(cookie.contains("Path=/can-bo") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let learners = try await browser.get("/can-bo/nguoi-hoc")
            #expect(learners.status == .ok)
            #expect(learners.body.contains("Nguyễn Văn Lân") && learners.body.contains("Trần Thị Bình"))

            let out = try await browser.post("/can-bo/dang-xuat", [("csrf", try #require(KioskBrowser.csrf(learners)))])
            #expect(out.status == .seeOther)
            #expect(browser.staffCookie == nil)
            #expect(try await browser.get("/can-bo/nguoi-hoc").location == "/can-bo/dang-nhap")
        }
    }

    @Test func aStaffSessionEndsAfterThirtyIdleMinutes() async throws {
        let commune = try await Commune.make()
        try await commune.test { client in
            let browser = KioskBrowser(client)
            try await Self.signIn(browser, "xa", "mat-khau-xa-01")
            commune.clock.advance(seconds: 29 * 60)
            #expect(try await browser.get("/can-bo/nguoi-hoc").status == .ok, "29 idle minutes keep it")
            commune.clock.advance(seconds: 31 * 60)
            let expired = try await browser.get("/can-bo/nguoi-hoc")
            #expect(expired.status == .seeOther)
            #expect(expired.location == "/can-bo/dang-nhap")
            #expect(browser.staffCookie == nil, "the stale staff cookie is removed")
        }
    }

    @Test func aLearnersSessionNeverOpensAStaffPage() async throws {
        let commune = try await Commune.make()
        try await commune.test { client in
            let browser = KioskBrowser(client)
            let signedIn = try await KioskJourneyTests.signIn(browser, name: "Nguyễn Văn Lân", pin: "2468")
            #expect(signedIn.location == "/cua-toi")
            for uri in ["/can-bo/tong-quan", "/can-bo/nguoi-hoc", "/can-bo/nguoi-hoc/\(commune.lan.learnerID)",
                        "/can-bo/nhat-ky", "/can-bo/bao-cao"] {
                let page = try await browser.get(uri)
                #expect(page.status == .seeOther, "\(uri)")
                #expect(page.location == "/can-bo/dang-nhap", "\(uri)")
            }
            // The kiosk session's own token presented as the staff cookie opens nothing either.
            let token = try #require(browser.cookie?.split(separator: "=").last.map(String.init))
            let forged = try await client.execute(uri: "/can-bo/nguoi-hoc", method: .get,
                                                  headers: [.cookie: "hoctap_can_bo=\(token)"], body: nil) { $0 }
            #expect(forged.status == .seeOther)
        }
    }

    @Test func aClerkIsRefusedAnotherUnitByURLNotOnlyByMenu() async throws {
        let commune = try await Commune.make()
        let binh = commune.binh.learnerID
        try await commune.test { client in
            let browser = KioskBrowser(client)
            try await Self.signIn(browser, "dong", "mat-khau-dong")
            let own = try await browser.get("/can-bo/nguoi-hoc")
            #expect(own.status == .ok)
            #expect(own.body.contains("Nguyễn Văn Lân"))
            #expect(!own.body.contains("Trần Thị Bình"))
            #expect(!own.body.contains("/can-bo/nhat-ky"), "the menu leaves out the audit log for a clerk")
            for uri in ["/can-bo/nguoi-hoc?don-vi=thon-2", "/can-bo/nguoi-hoc/\(binh)",
                        "/can-bo/nguoi-hoc/\(binh)/xuat", "/can-bo/nguoi-hoc/\(binh)/xoa",
                        "/can-bo/nguoi-hoc/\(binh)/rut-dong-y?muc-dich=bao-cao", "/can-bo/nhat-ky",
                        "/can-bo/bai-kiem-tra", "/can-bo/tong-quan?don-vi=thon-2"] {
                let page = try await browser.get(uri)
                #expect(page.status == .forbidden, "\(uri)")
                #expect(!page.body.contains("Trần Thị Bình"), "\(uri)")
            }
            let csrf = try await Self.csrf(browser)
            let delete = try await browser.post("/can-bo/nguoi-hoc/\(binh)/xoa", [("csrf", csrf)])
            #expect(delete.status == .forbidden)
            let correct = try await browser.post("/can-bo/nguoi-hoc/\(binh)/sua", [("csrf", csrf), ("name", "X")])
            #expect(correct.status == .forbidden)
        }
        #expect(try await commune.repository.learner(id: binh)?.displayName == "Trần Thị Bình", "nothing changed")
    }

    @Test func searchFindsNamesWithOrWithoutDiacritics() async throws {
        let commune = try await Commune.make()
        try await commune.test { client in
            let browser = KioskBrowser(client)
            try await Self.signIn(browser, "xa", "mat-khau-xa-01")
            for query in ["nguyen%20van", "Nguy%E1%BB%85n", "LAN"] {
                let page = try await browser.get("/can-bo/nguoi-hoc?tim=\(query)")
                #expect(page.body.contains("Nguyễn Văn Lân"), "\(query)")
                #expect(!page.body.contains("Trần Thị Bình"), "\(query)")
            }
            #expect(try await browser.get("/can-bo/nguoi-hoc?tim=binh").body.contains("Trần Thị Bình"))
        }
    }

    @Test func eachRightsActionChangesWhatItShouldAndIsAudited() async throws {
        let commune = try await Commune.make()
        let lan = commune.lan.learnerID
        let binh = commune.binh.learnerID
        try await commune.test { client in
            let browser = KioskBrowser(client)
            try await Self.signIn(browser, "xa", "mat-khau-xa-01")
            let page = try await browser.get("/can-bo/nguoi-hoc/\(lan)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Nguyễn Văn Lân") && page.body.contains("Thôn Đông"))
            let csrf = try #require(KioskBrowser.csrf(page))

            let export = try await browser.get("/can-bo/nguoi-hoc/\(lan)/xuat")
            #expect(export.status == .ok)
            #expect(export.headers[.contentDisposition] == "attachment; filename=\"nguoi-hoc-\(lan).json\"")
            let exported = try JSONSerialization.jsonObject(with: Data(export.body.utf8)) as? [String: Any]
            #expect(exported?["displayName"] as? String == "Nguyễn Văn Lân")

            let corrected = try await browser.post("/can-bo/nguoi-hoc/\(lan)/sua", [
                ("csrf", csrf), ("name", "Nguyễn Văn Lâm"), ("unitId", "thon-1"), ("category", "nguoi-dan"),
                ("phone", "0912345678"),
            ])
            #expect(corrected.status == .seeOther)
            let withoutToken = try await browser.post("/can-bo/nguoi-hoc/\(lan)/sua", [("name", "Kẻ gian")])
            #expect(withoutToken.status == .forbidden)

            let confirm = try await browser.get("/can-bo/nguoi-hoc/\(binh)/rut-dong-y?muc-dich=bao-cao")
            #expect(confirm.status == .ok)
            #expect(confirm.body.contains("Trần Thị Bình"))
            let withdrawn = try await browser.post("/can-bo/nguoi-hoc/\(binh)/rut-dong-y",
                                                   [("csrf", csrf), ("purpose", "bao-cao")])
            #expect(withdrawn.status == .seeOther)

            let deleteConfirm = try await browser.get("/can-bo/nguoi-hoc/\(binh)/xoa")
            #expect(deleteConfirm.body.contains(WebTestApp.messages.text("can_bo.confirm.delete_button")))
            let deleted = try await browser.post("/can-bo/nguoi-hoc/\(binh)/xoa", [("csrf", csrf)])
            #expect(deleted.status == .seeOther)
            let after = try await browser.follow(try #require(deleted.location))
            #expect(after.body.contains(WebTestApp.messages.text("can_bo.done.xoa")))

            let audit = try await browser.get("/can-bo/nhat-ky")
            #expect(audit.status == .ok)
            for action in ["xuat-du-lieu", "sua-du-lieu", "rut-dong-y", "xoa-du-lieu"] {
                #expect(audit.body.contains(WebTestApp.messages.text("can_bo.audit.\(action)")), "\(action)")
            }
        }
        let lanNow = try #require(try await commune.repository.learner(id: lan))
        #expect(lanNow.displayName == "Nguyễn Văn Lâm")
        #expect(lanNow.phone == "0912345678")
        let binhNow = try #require(try await commune.repository.learner(id: binh))
        #expect(binhNow.displayName == nil && binhNow.anonymisedAt != nil)
        let consents = try await commune.repository.consents(learnerID: binh)
        #expect(consents.last { $0.purpose == .reporting }?.given == false)
        let log = try await commune.repository.auditLog(limit: 100)
        #expect(log.contains { $0.action == .correctLearner && $0.learnerID == lan && $0.staffName == "xa" })
        #expect(log.contains { $0.action == .deleteLearner && $0.learnerID == binh })
        #expect(log.contains { $0.action == .withdrawConsent && $0.learnerID == binh && $0.detail == "bao-cao" })
        #expect(log.contains { $0.action == .exportLearner && $0.learnerID == lan })
    }

    @Test func communeStaffCloseAndReopenAQuiz() async throws {
        let commune = try await Commune.make()
        try await commune.test { client in
            let browser = KioskBrowser(client)
            try await Self.signIn(browser, "xa", "mat-khau-xa-01")
            let list = try await browser.get("/can-bo/bai-kiem-tra")
            #expect(list.status == .ok)
            #expect(list.body.contains("Bài kiểm tra cuối khoá"))
            let csrf = try #require(KioskBrowser.csrf(list))
            let closed = try await browser.post("/can-bo/bai-kiem-tra", [("csrf", csrf), ("quizId", "khoa/quiz"),
                                                                        ("closed", "1")])
            #expect(closed.status == .seeOther)
            #expect(try await commune.repository.closedQuizIDs() == ["khoa/quiz"])
            #expect(try await browser.get("/can-bo/bai-kiem-tra").body.contains("Mở lại"))
            let unknown = try await browser.post("/can-bo/bai-kiem-tra", [("csrf", csrf), ("quizId", "khong-co"),
                                                                         ("closed", "1")])
            #expect(unknown.status == .notFound)
            _ = try await browser.post("/can-bo/bai-kiem-tra", [("csrf", csrf), ("quizId", "khoa/quiz"),
                                                               ("closed", "0")])
            #expect(try await commune.repository.closedQuizIDs().isEmpty)
        }
    }
}

extension StaffAreaTests {
    @Test func staffPrintACertificateOfTheirUnitAndAClerkOfAnotherUnitIsRefused() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let completion = try await CertificatePageTests.completedLearner(repository, clock: clock)
        for (username, unit) in [("dong", "thon-1"), ("tay", "thon-2")] {
            _ = try await repository.createStaffAccount(username: username, displayName: username,
                                                        password: "mat-khau-\(username)-01", role: .unitClerk,
                                                        unitID: unit, at: clock.now())
        }
        let uri = "/can-bo/chung-nhan/\(completion.verificationCode)"
        try await WebTestApp.test(repository: repository, clock: clock) { client in
            let own = KioskBrowser(client)
            try await Self.signIn(own, "dong", "mat-khau-dong-01")
            let page = try await own.get(uri)
            #expect(page.status == .ok)
            #expect(page.body.contains("Nguyễn Thị Lan") && page.body.contains(completion.verificationCode))
            let svg = try #require(QRCodeReader.firstSVG(in: page.body))
            #expect(try QRCodeReader.decode(svg: svg).hasSuffix("/xac-minh/\(completion.verificationCode)"))

            let other = KioskBrowser(client)
            try await Self.signIn(other, "tay", "mat-khau-tay-01")
            let refused = try await other.get(uri)
            #expect(refused.status == .forbidden)
            #expect(!refused.body.contains("Nguyễn Thị Lan"))
            #expect(try await KioskBrowser(client).get(uri).location == "/can-bo/dang-nhap")
        }
    }
}
