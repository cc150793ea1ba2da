import CampaignReports
import Foundation
import LearningCore
import PostgresStore
import PostgresTestSupport
import ProgressStore
import Testing
import TestSupport

/// The city's report from PostgreSQL equals `report merge` of the communes' own JSON reports, figure for figure:
/// three communes with generated histories in their SQLite files, the same histories copied into one city
/// database, and every kind of report (yearly, review, awards) built from each side and merged.
@Suite("The city's reports from PostgreSQL equal the merge of the communes' reports",
       .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
struct CityReportTests {
    /// A commune: the fixture's hand-counted history, and more learners, attempts and completions drawn from
    /// `seed`, so that no two communes are alike.
    static func commune(seed: UInt64) async throws -> ReportFixture {
        let fixture = try await ReportFixture()
        var random = SplitMix64(seed: seed)
        let units = ReportFixture.campaign.units.map(\.id)
        for index in 0..<(8 + Int(seed) * 3) {
            let at = ReportFixture.local(2025 + Int.random(in: 0...2, using: &random),
                                         Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random))
            let learner = try await fixture.store.register(NewLearner(
                displayName: "Người \(seed)-\(index)", unitID: units.randomElement(using: &random)!,
                category: Bool.random(using: &random) ? .citizens : .officials), at: at.addingTimeInterval(-86_400 * 30))
            if Bool.random(using: &random) {
                try await fixture.store.recordConsent(ConsentEvent(learnerID: learner.id, purpose: .reporting,
                                                                   noticeVersion: "2026-01", given: true, at: at))
            }
            for course in ["c1", "c2", "c3"] where Int.random(in: 0..<3, using: &random) > 0 {
                let correct = Int.random(in: 2...5, using: &random)
                let questions = (0..<5).map {
                    QuestionResult(questionID: "\(course)/q\($0)", contentHash: "h", response: .choices(["a"]),
                                   credit: $0 < correct ? .full : .zero)
                }
                _ = try await fixture.store.recordAttempt(AttemptRecord(
                    attemptID: "\(seed)-\(index)-\(course)", learnerID: learner.id, courseID: course,
                    courseVersion: 1, quizID: "\(course)/quiz", isFinalQuiz: true, seed: 1,
                    startedAt: at.addingTimeInterval(-600), submittedAt: at,
                    result: QuizResult(questions: questions, passMark: 80)))
                if correct >= 4 {
                    _ = try await fixture.store.recordCompletion(learnerID: learner.id, courseID: course,
                                                                 courseVersion: 1, percent: correct * 20, at: at)
                }
            }
        }
        return fixture
    }

    /// The fixture's campaign as commune `index` issues its reports.
    static func campaign(_ index: Int) -> CampaignConfiguration {
        var campaign = ReportFixture.campaign
        campaign.issuer = "Ủy ban nhân dân xã Thử \(index)"
        return campaign
    }

    /// The report as JSON with every learner id blanked.
    static func withoutLearnerIDs(_ report: CampaignReport) throws -> String {
        String(decoding: try JSONReportCoder.encode(report), as: UTF8.self)
            .replacing(#/"learnerID" ?: ?[0-9]+/#, with: "\"learnerID\": 0")
    }

    @Test func everyKindOfReportMergesToTheSameFiguresFromBothSides() async throws {
        let location = try await PostgresTestServer.freshDatabase()
        var fromFiles: [[(name: String, report: CampaignReport)]] = [[], [], []]
        var fromCity: [[(name: String, report: CampaignReport)]] = [[], [], []]
        var stores: [PostgresStore] = []
        defer { stores.forEach { $0.shutdown() } }
        for index in 1...3 {
            let fixture = try await Self.commune(seed: UInt64(index))
            let city = try await PostgresStore(location: location, commune: CommuneID("xa-thu-\(index)")!,
                                               hashing: .fastForTests)
            stores.append(city)
            try await city.copy(try await fixture.store.history())
            for (kind, source) in [(0, fixture.store as any ReportingRepository), (1, city as any ReportingRepository)] {
                let builder = fixture.builder(now: ReportFixture.after2027, campaign: Self.campaign(index),
                                              repository: source)
                let reports = [try await builder.yearly(2026), try await builder.review(until: 2027),
                               try await builder.awardsReport(2026)]
                for (slot, report) in reports.enumerated() {
                    if kind == 0 {
                        fromFiles[slot].append((name: "xa-\(index).json", report: report))
                    } else {
                        fromCity[slot].append((name: "xa-thu-\(index)", report: report))
                    }
                }
                if kind == 1 {
                    // Each commune's own reports are its file's, but for the learners' ids (the city numbers them).
                    for slot in 0..<3 {
                        #expect(try Self.withoutLearnerIDs(reports[slot])
                            == Self.withoutLearnerIDs(try #require(fromFiles[slot].last?.report)),
                            "commune \(index), report \(slot)")
                    }
                }
            }
        }
        for slot in 0..<3 {
            let merged = try ReportMerger.merge(fromFiles[slot])
            #expect(try ReportMerger.merge(fromCity[slot]) == merged)
            #expect(merged.communes.count == 3 && merged.totals.registered > 3 * 7)
        }
        try await PostgresTestServer.drop(location)
    }
}
