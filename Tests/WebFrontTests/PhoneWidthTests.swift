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
/// of reach. On a phone each completion is now a card whose cells name their column.
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
}
