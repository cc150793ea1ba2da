import CourseContent
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LearningCore
import NIOCore
import Testing
import TestSupport
import WebFront

/// The administrator's and the clerk's desk work through the staff area's forms: the first-account hint,
/// throttled sign-in, accounts created and disabled, a learners CSV uploaded with good and bad rows.
@Suite struct StaffAccountsAndImportTests {
    @Test func withoutAnyAccountTheSignInPageSaysHowToCreateTheFirstAdmin() async throws {
        try await WebTestApp.test { client in
            let page = try await KioskBrowser(client).get("/can-bo/dang-nhap")
            #expect(page.status == .ok)
            #expect(page.body.contains("hoctap staff add TÊN_ĐĂNG_NHẬP --role admin"))
        }
        let repository = InMemoryProgressRepository()
        _ = try await repository.createStaffAccount(username: "admin", displayName: "Quản trị", password: "mat-khau-admin",
                                                    role: .admin, unitID: nil, at: Date())
        try await WebTestApp.test(repository: repository) { client in
            let page = try await KioskBrowser(client).get("/can-bo/dang-nhap")
            #expect(!page.body.contains("hoctap staff add"))
        }
    }

    @Test func wrongPasswordsAreThrottledWithA429AndRetryAfter() async throws {
        let commune = try await StaffAreaTests.Commune.make()
        try await commune.test { client in
            let browser = KioskBrowser(client)
            var last: KioskBrowser.Page?
            for _ in 0..<4 { last = try await StaffAreaTests.signIn(browser, "xa", "sai-mat-khau") }
            let throttled = try #require(last)
            #expect(throttled.status == .tooManyRequests)
            #expect(Int(throttled.headers[.retryAfter] ?? "") ?? 0 > 0)
            // Even the right password waits its turn.
            let right = try await StaffAreaTests.signIn(browser, "xa", "mat-khau-xa-01")
            #expect(right.status == .tooManyRequests)
            #expect(browser.staffCookie == nil)
        }
    }

    @Test func anAdminCreatesAClerkWhoSignsInAndDisablingEndsTheirSession() async throws {
        let commune = try await StaffAreaTests.Commune.make()
        _ = try await commune.repository.createStaffAccount(username: "admin", displayName: "Quản trị",
                                                            password: "mat-khau-admin", role: .admin, unitID: nil,
                                                            at: commune.clock.now())
        try await commune.test { client in
            let admin = KioskBrowser(client)
            try await StaffAreaTests.signIn(admin, "admin", "mat-khau-admin")
            let page = try await admin.get("/can-bo/tai-khoan")
            #expect(page.status == .ok)
            let csrf = try #require(KioskBrowser.csrf(page))
            let weak = try await admin.post("/can-bo/tai-khoan", [
                ("csrf", csrf), ("username", "tay"), ("displayName", "Cán bộ thôn Tây"), ("role", "can-bo-don-vi"),
                ("unitId", "thon-2"), ("password", "ngan"), ("passwordAgain", "ngan"),
            ])
            #expect(weak.status == .unprocessableContent)
            #expect(weak.body.contains(WebTestApp.messages.text("errors.weak-password", ["10"]).prefix(20)))
            let created = try await admin.post("/can-bo/tai-khoan", [
                ("csrf", csrf), ("username", "tay"), ("displayName", "Cán bộ thôn Tây"), ("role", "can-bo-don-vi"),
                ("unitId", "thon-2"), ("password", "mat-khau-tay-01"), ("passwordAgain", "mat-khau-tay-01"),
            ])
            #expect(created.status == .seeOther)

            let clerk = KioskBrowser(client)
            #expect(try await StaffAreaTests.signIn(clerk, "tay", "mat-khau-tay-01").status == .seeOther)
            let own = try await clerk.get("/can-bo/nguoi-hoc")
            #expect(own.body.contains("Trần Thị Bình") && !own.body.contains("Nguyễn Văn Lân"))
            #expect(try await clerk.get("/can-bo/tai-khoan").status == .forbidden, "a clerk manages no accounts")

            let disabled = try await admin.post("/can-bo/tai-khoan/khoa", [("csrf", csrf), ("username", "tay"),
                                                                          ("disabled", "1")])
            #expect(disabled.status == .seeOther)
            let after = try await clerk.get("/can-bo/nguoi-hoc")
            #expect(after.status == .seeOther)
            #expect(after.location == "/can-bo/dang-nhap", "the disabled account's session ended")
            #expect(try await StaffAreaTests.signIn(clerk, "tay", "mat-khau-tay-01").status == .unauthorized)
        }
        let log = try await commune.repository.auditLog(limit: 50)
        #expect(log.contains { $0.action == .createStaffAccount && $0.staffName == "admin" })
        #expect(log.contains { $0.action == .disableStaffAccount && $0.detail.contains("tay") })
    }

    @Test func aCSVWithABadRowImportsNothingAndShowsTheRowsThenAGoodOneImportsAll() async throws {
        let commune = try await StaffAreaTests.Commune.make()
        let before = try await commune.repository.learners(unitID: nil).count
        try await commune.test { client in
            let browser = KioskBrowser(client)
            try await StaffAreaTests.signIn(browser, "dong", "mat-khau-dong")
            let form = try await browser.get("/can-bo/nhap-danh-sach")
            #expect(form.status == .ok)
            let csrf = try #require(KioskBrowser.csrf(form))
            let template = try await browser.get("/can-bo/nhap-danh-sach/mau.csv")
            #expect(template.headers[.contentDisposition] == "attachment; filename=\"mau-danh-sach-nguoi-hoc.csv\"")
            #expect(template.body.contains("ho_ten,don_vi,doi_tuong"))

            let bad = "ho_ten,don_vi,doi_tuong\nLê Thị Hoa,thon-1,nguoi-dan\nPhạm Văn Khải,thon-2,nguoi-dan\nĐỗ Văn Hùng,thon-1,khong-co\n"
            let refused = try await browser.postFile("/can-bo/nhap-danh-sach", [("csrf", csrf)],
                                                     file: ("file", "danh-sach.csv", bad))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains(WebTestApp.messages.text("import.other-unit")), "line 3: another unit")
            #expect(refused.body.contains(WebTestApp.messages.text("import.unknown-category")), "line 4")
            #expect(refused.body.contains("<td class=\"num\">3</td>") && refused.body.contains("<td class=\"num\">4</td>"))

            let forged = try await browser.postFile("/can-bo/nhap-danh-sach", [("csrf", "gia-mao")],
                                                    file: ("file", "danh-sach.csv", bad))
            #expect(forged.status == .forbidden)

            let good = "ho_ten,don_vi,doi_tuong\nLê Thị Hoa,thon-1,nguoi-dan\nĐỗ Văn Hùng,thon-1,can-bo\n"
            let imported = try await browser.postFile("/can-bo/nhap-danh-sach", [("csrf", csrf)],
                                                      file: ("file", "danh-sach.csv", good))
            #expect(imported.status == .ok)
            #expect(imported.body.contains("Đã nhập 2 người học"))
        }
        let after = try await commune.repository.learners(unitID: "thon-1").compactMap(\.displayName)
        #expect(try await commune.repository.learners(unitID: nil).count == before + 2)
        #expect(after.contains("Lê Thị Hoa") && after.contains("Đỗ Văn Hùng"))
    }

    @Test func everyAuditActionHasItsVietnameseLabel() {
        for action in AuditEntry.Action.allCases {
            #expect(WebTestApp.messages.contains("can_bo.audit.\(action.rawValue)"), "\(action)")
        }
        for role in StaffRole.allCases {
            #expect(WebTestApp.messages.contains("can_bo.role.\(role.rawValue)"), "\(role)")
        }
    }
}
