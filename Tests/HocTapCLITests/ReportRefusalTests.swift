import CampaignReports
import CourseContent
import Foundation
import LearningCore
import ProgressStore
import Testing
import TestSupport

/// Inputs that would give a wrong report are refused by the builder and the request that the CLI and the staff
/// area share, each with its message key; the running year is marked provisional; a unit's report is its own.
@Suite("Wrong reports become refusals")
struct ReportRefusalTests {
    static let words = try! MessageCatalog(contentDirectory: ReadOnlyCommandTests.root.appendingPathComponent("Content"))

    // MARK: - Courses and configuration

    @Test func noCourseAtAllIsRefusedNotAnAllZeroReport() async throws {
        let fixture = try await ReportFixture()
        let builder = fixture.builder(catalog: InMemoryCourseCatalog(courses: []))
        await #expect(throws: ReportRefusal(.noCourses)) { try await builder.yearly(2026) }
        await #expect(throws: ReportRefusal(.noCourses)) { try await builder.awardsReport(2026) }
        #expect(ReportRefusal(.noCourses).messageKey == "errors.report.no-courses")
        #expect(Self.words.text(ReportRefusal(.noCourses)).contains("Không tìm thấy khoá học nào"))
    }

    @Test func aBasicLevelCourseThatNoCourseHasIsRefusedByName() async throws {
        let fixture = try await ReportFixture()
        var campaign = ReportFixture.campaign
        campaign.basicLevel[.citizens] = ["c1", "c9"]
        let refusal = ReportRefusal(.unknownConfiguredCourse, "\(LearnerCategory.citizens.rawValue): c9")
        await #expect(throws: refusal) { try await fixture.builder(campaign: campaign).yearly(2026) }
        #expect(Self.words.text(refusal).contains("nguoi-dan: c9"))
    }

    @Test func anAwardContentThatNoCourseCarriesIsRefused() async throws {
        let fixture = try await ReportFixture()
        var campaign = ReportFixture.campaign
        campaign.awards.unitContent = ContentArea(rawValue: 5)!
        await #expect(throws: ReportRefusal(.noCourseForAwardContent, "5")) {
            try await fixture.builder(campaign: campaign).awardsReport(2026)
        }
    }

    // MARK: - Years

    @Test func aYearBeforeTheCampaignIsRefused() async throws {
        let fixture = try await ReportFixture()
        let refusal = ReportRefusal(.yearBeforeCampaign, "2024", "2025")
        await #expect(throws: refusal) { try await fixture.builder().yearly(2024) }
        await #expect(throws: refusal) { try await fixture.builder().awardsReport(2024) }
        #expect(Self.words.text(refusal) == "Năm 2024 ở trước khi phong trào bắt đầu (năm 2025); không có báo cáo cho năm này.")
    }

    @Test func aYearAfterTheRunningOneIsRefused() async throws {
        let fixture = try await ReportFixture()
        await #expect(throws: ReportRefusal(.yearNotStarted, "2027", "2026")) {
            try await fixture.builder().yearly(2027)
        }
        // From 11 December 2026 the running reporting year is 2027: its report may be made, provisional.
        let next = try await fixture.builder(now: ReportFixture.local(2026, 12, 11)).yearly(2027)
        #expect(next.deadline?.daysLeft == 364)
        await #expect(throws: ReportRefusal(.yearNotStarted, "2028", "2027")) {
            try await fixture.builder(now: ReportFixture.local(2026, 12, 11)).yearly(2028)
        }
    }

    @Test func onlyTheConfiguredReviewYearsAndOnlyOnceStarted() async throws {
        let fixture = try await ReportFixture()
        let builder = fixture.builder(now: ReportFixture.after2027)
        await #expect(throws: ReportRefusal(.notAReviewYear, "2026", "2027", "2030")) {
            try await builder.review(until: 2026)
        }
        await #expect(throws: ReportRefusal(.notAReviewYear, "2028", "2027", "2030")) {
            try await builder.review(until: 2028)
        }
        await #expect(throws: ReportRefusal(.yearNotStarted, "2030", "2028")) { try await builder.review(until: 2030) }
        await #expect(throws: ReportRefusal(.yearNotStarted, "2027", "2026")) {
            try await fixture.builder().review(until: 2027)
        }
        #expect(try await builder.review(until: 2027).periodLabel == "2025–2027")
    }

    // MARK: - Provisional figures

    @Test func theRunningYearIsProvisionalWithTheDaysLeftAndNoneAfterTheDeadline() async throws {
        let fixture = try await ReportFixture()
        #expect(try await fixture.builder().yearly(2026).deadline?.daysLeft == 9)
        #expect(try await fixture.builder().awardsReport(2026).deadline?.daysLeft == 9)
        let lastEvening = try await fixture.builder(now: ReportFixture.local(2026, 12, 10, 23, 0)).yearly(2026)
        #expect(lastEvening.deadline?.daysLeft == 0)
        #expect(try await fixture.builder(now: ReportFixture.local(2026, 12, 11, 0, 0)).yearly(2026).deadline == nil)
        let review = try await fixture.builder(now: ReportFixture.local(2027, 6, 1)).review(until: 2027)
        #expect(review.deadline?.daysLeft == 192)

        let running = try await render(ReportRequest(kind: .yearly, year: 2026), fixture)
        #expect(running.contains("Số liệu tạm tính: kỳ báo cáo chưa kết thúc, số liệu tính đến ngày 01/12/2026"))
        #expect(running.contains("còn 9 ngày"))
        let closed = try await render(ReportRequest(kind: .yearly, year: 2026), fixture, now: ReportFixture.local(2026, 12, 11))
        #expect(!closed.contains("tạm tính"))
        // The award submission (Tờ trình) of the running year says its figures are provisional too.
        let proposal = try await render(ReportRequest(kind: .awards, year: 2026), fixture)
        #expect(proposal.contains("số liệu tạm tính đến ngày 01/12/2026, kỳ báo cáo kết thúc ngày 10/12/2026"))
        let closedProposal = try await render(ReportRequest(kind: .awards, year: 2026), fixture,
                                              now: ReportFixture.local(2026, 12, 11))
        #expect(!closedProposal.contains("tạm tính"))
    }

    @Test func withoutATargetNoReportSaysTargetsAreMet() async throws {
        let fixture = try await ReportFixture()
        var campaign = ReportFixture.campaign
        campaign.targets = .none
        let report = try await fixture.builder(campaign: campaign).yearly(2026)
        #expect(report.coverage.allSatisfy { $0.gap == nil })
        let text = try await render(ReportRequest(kind: .yearly, year: 2026), fixture, campaign: campaign)
        #expect(!text.contains(Self.words.text("report.assessment.targets_met")))
        #expect(text.contains(Self.words.text("report.assessment.no_targets")))
        // A category with no one to reach the level has no target either, even where a percentage is set.
        let unit = try await fixture.builder(unitID: "thon-b").yearly(2026)
        let officials = try #require(unit.coverage.first { $0.category == .officials })
        #expect(officials.population == 0 && officials.targetPercent == 100 && officials.gap == nil)
    }

    // MARK: - The document's date

    @Test func aDateBeforeThePeriodIsRefused() async throws {
        let fixture = try await ReportFixture()
        let request = ReportRequest(kind: .yearly, year: 2026, date: ReportFixture.local(2025, 12, 1, 0, 0))
        await #expect(throws: ReportRefusal(.dateBeforePeriod, "01/12/2025", "11/12/2025", "10/12/2026")) {
            try await render(request, fixture)
        }
    }

    @Test func aDateTheFiguresContradictIsRefused() async throws {
        let fixture = try await ReportFixture()
        // The figures are counted to today, 1 December: a document dated 20 November cannot carry them.
        let early = ReportRequest(kind: .yearly, year: 2026, date: ReportFixture.local(2026, 11, 20, 0, 0))
        let refusal = ReportRefusal(.dateBeforeFigures, "20/11/2026", "01/12/2026", "10/12/2026", "01/12/2026")
        await #expect(throws: refusal) { try await render(early, fixture) }
        #expect(Self.words.text(refusal).contains("Hãy ghi ngày từ 01/12/2026 trở đi"))
        // Dated ahead, while the year runs: allowed, and marked provisional.
        let ahead = ReportRequest(kind: .yearly, year: 2026, date: ReportFixture.local(2026, 12, 5, 0, 0))
        #expect(try await render(ahead, fixture).contains("Số liệu tạm tính"))
        // After the deadline the figures cover the whole period: dated before its last day is refused, on it not.
        let after = ReportFixture.local(2026, 12, 20)
        await #expect(throws: ReportRefusal(.dateBeforeFigures, "05/12/2026", "20/12/2026", "10/12/2026",
                                            "10/12/2026")) {
            try await render(ahead, fixture, now: after)
        }
        let onTheDay = ReportRequest(kind: .yearly, year: 2026, date: ReportFixture.local(2026, 12, 10, 0, 0))
        #expect(try await render(onTheDay, fixture, now: after).contains("ngày 10 tháng 12 năm 2026"))
    }

    // MARK: - A unit's own document

    @Test func aUnitsReportIsIssuedAndSignedByTheUnit() async throws {
        let fixture = try await ReportFixture()
        var campaign = ReportFixture.campaign
        campaign.unitReports["thon-a"] = UnitReportSettings(
            superiorBody: "Ủy ban nhân dân xã Thử", symbol: "BC-TA", authority: ["TRƯỞNG THÔN"],
            signer: "Trần Văn Trưởng")
        let request = ReportRequest(kind: .yearly, year: 2026, unitID: "thon-a", number: "07")
        let document = try await compose(request, fixture, campaign: campaign)
        #expect(document.header.superiorBody == "ỦY BAN NHÂN DÂN XÃ THỬ")
        #expect(document.header.issuer == "THÔN A")
        #expect(document.header.number == "Số: 07/BC-TA")
        #expect(document.recipient == "Kính gửi: Ủy ban nhân dân xã Thử (qua Phòng Văn hoá - Xã hội).")
        #expect(document.closing.authority == ["TRƯỞNG THÔN"])
        #expect(document.closing.signer == "Trần Văn Trưởng")
        #expect(document.closing.recipients == ["Như trên;", "Phòng Văn hoá - Xã hội (để tổng hợp);", "Lưu: VT."])
        let overall = document.sections.flatMap(\.subsections).first?.paragraphs.first ?? ""
        #expect(overall.hasPrefix("Trong kỳ báo cáo, đơn vị có 3 người học"), "\(overall)")

        // Without a configured head: a generic title and a blank name for the clerk, never the commune's signer.
        let plain = try await compose(ReportRequest(kind: .yearly, year: 2026, unitID: "thon-b"), fixture)
        #expect(plain.closing.authority == ["THỦ TRƯỞNG ĐƠN VỊ"] && plain.closing.signer == "")
        #expect(plain.header.superiorBody == nil && plain.header.number.hasSuffix("/BC"))
        // The commune's own report is unchanged.
        let commune = try await compose(ReportRequest(kind: .yearly, year: 2026), fixture)
        #expect(commune.closing.signer == "Nguyễn Văn Thử" && commune.header.superiorBody == nil)
    }

    @Test func aUnitsWithheldCountIsItsOwnNeverTheCommunes() async throws {
        let fixture = try await ReportFixture()
        // Cúc (thôn A) met the criteria without consent: the commune's count is 1.
        #expect(try await fixture.builder().yearly(2026).awards?.withheld == 1)
        // Each unit its own, counted by the store per unit: thôn A has Cúc, thôn B nobody.
        let byUnit = try await fixture.store.withheldAwardCandidatesByUnit(
            period: ReportFixture.campaign.period(year: 2026), minimumCourses: 2, minimumAverage: 90)
        #expect(byUnit == ["thon-a": 1])
        #expect(try await fixture.builder(unitID: "thon-a").yearly(2026).awards?.withheld == 1)
        #expect(try await fixture.builder(unitID: "thon-b").yearly(2026).awards?.withheld == 0)
    }

    @Test func theConfigurationGivesEachUnitItsHead() throws {
        let campaign = try CampaignConfigurationLoader.load(
            contentDirectory: ReadOnlyCommandTests.root.appendingPathComponent("Content"))
        let office = try #require(campaign.unitReports["phong-van-hoa-xa-hoi"])
        #expect(office.authority == ["TRƯỞNG PHÒNG"] && office.symbol == "BC-VHXH")
        #expect(office.superiorBody == "Ủy ban nhân dân xã Kiến Thụy")
        #expect(campaign.unitReports["doan-thanh-nien"]?.authority == ["TM. BAN CHẤP HÀNH", "BÍ THƯ"])
        #expect(campaign.units.allSatisfy { campaign.unitReports[$0.id] != nil }, "every unit has a head")
    }

    // MARK: - Helpers

    private func render(_ request: ReportRequest, _ fixture: ReportFixture, now: Date = ReportFixture.local(2026, 12, 1),
                        campaign: CampaignConfiguration = ReportFixture.campaign) async throws -> String {
        let data = try await request.render(.md, figures: fixture.store, catalog: ReportFixture.catalog,
                                            campaign: campaign, clock: TestClock(start: now), words: Self.words)
        return String(decoding: data, as: UTF8.self)
    }

    private func compose(_ request: ReportRequest, _ fixture: ReportFixture,
                         campaign: CampaignConfiguration = ReportFixture.campaign) async throws -> ReportDocument {
        let builder = ReportBuilder(repository: fixture.store, catalog: ReportFixture.catalog, campaign: campaign,
                                    clock: TestClock(start: ReportFixture.local(2026, 12, 1)), unitID: request.unitID)
        let report = try await builder.yearly(request.year)
        return DocumentComposer(campaign: try request.documentCampaign(campaign, words: Self.words), words: Self.words,
                                number: request.number).compose(report)
    }
}
