import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LearningCore
import Testing
import TestSupport
import WebFront

/// What the real browser of the reliability suite (Reliability/browser) found at a phone's width (390px): the
/// five columns of "Kết quả của tôi" ran off the screen, the verification code cut and the certificate link out
/// of reach. On a phone each completion is now a card whose cells name their column. The staff area's wide tables
/// scroll sideways there, and a box that scrolls must take the keyboard focus (axe-core:
/// scrollable-region-focusable, WCAG 2.1.1), named so a screen reader says what it holds.
@Suite struct PhoneWidthTests {
    @Test func eachCellOfMyResultsSaysWhichColumnItIs() async throws {
        let repository = InMemoryProgressRepository()
        let clock = TestClock()
        let completion = try await CertificatePageTests.completedLearner(repository, clock: clock)
        try await WebTestApp.test(repository: repository, clock: clock) { client in
            let browser = KioskBrowser(client)
            _ = try await KioskJourneyTests.signIn(browser)
            let results = try await browser.get("/ket-qua-cua-toi").body
            let labels = ["Khoá học", "Ngày hoàn thành", "Điểm", "Mã xác nhận", "Giấy chứng nhận"]
            for label in labels {
                #expect(results.contains("<th scope=\"col\">\(label)</th>"))
                #expect(results.contains("<td data-label=\"\(label)\">"), "the cell of “\(label)” names it on a phone")
            }
            #expect(results.contains("<td data-label=\"Mã xác nhận\"><strong class=\"code\">\(completion.verificationCode)</strong>"))
        }
    }

    @Test func onAPhoneTheResultsTableBecomesCardsAndTheHeaderWraps() async throws {
        try await WebTestApp.test { client in
            let css = try await PageTests.get(client, "/static/kiosk.css").body
            let phone = try #require(css.range(of: "@media (max-width: 40rem) {"))
            let rules = String(css[phone.upperBound...].prefix { $0 != "@" })
            #expect(rules.contains(".results, .results tbody, .results tr, .results td { display: block; width: 100%; }"))
            #expect(rules.contains(".results td::before { content: attr(data-label) \": \";"))
            #expect(rules.contains(".results thead { position: absolute; left: -999rem; }"),
                    "the header row stays for screen readers")
            #expect(rules.contains(".site-header { flex-wrap: wrap;"))
            #expect(css.contains(".brand { white-space: nowrap;"))
        }
    }

    @Test func everyStaffTableThatScrollsSidewaysTakesTheFocusAndHasAName() async throws {
        let commune = try await StaffAreaTests.Commune.make()
        try await commune.test { client in
            let browser = KioskBrowser(client)
            try await StaffAreaTests.signIn(browser, "xa", "mat-khau-xa-01")
            var boxes = 0
            // (The dashboard needs the reporting store, which the in-process app has not: the templates' scan below
            // covers its three tables.)
            for uri in ["/can-bo/nguoi-hoc", "/can-bo/nguoi-hoc/\(commune.lan.learnerID)",
                        "/can-bo/bai-kiem-tra", "/can-bo/nhat-ky"] {
                let page = try await browser.get(uri)
                #expect(page.status == .ok, "\(uri)")
                let opened = page.body.components(separatedBy: "<div class=\"table-wrap\"").dropFirst()
                for box in opened {
                    let tag = String(box.prefix { $0 != ">" })
                    #expect(tag.contains(" role=\"region\" aria-label=\""), "\(uri): \(tag)")
                    #expect(tag.hasSuffix(" tabindex=\"0\""), "\(uri): \(tag)")
                    boxes += 1
                }
            }
            #expect(boxes >= 3, "the list, the quizzes and the audit log")
        }
        // Every template's table box, rendered here or not (the dashboard, accounts, the import's errors).
        let templates = WebTestApp.contentDirectory.appendingPathComponent("web/templates")
        var scanned = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: templates.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            for box in text.components(separatedBy: "<div class=\"table-wrap\"").dropFirst() {
                let tag = String(box.prefix { $0 != ">" })
                #expect(tag.contains(" role=\"region\" aria-label=\"") && tag.hasSuffix(" tabindex=\"0\""), "\(file): \(tag)")
                scanned += 1
            }
        }
        #expect(scanned == 10)
    }
}
