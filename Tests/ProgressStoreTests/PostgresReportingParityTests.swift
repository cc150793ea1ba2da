import Foundation
import LearningCore
import PostgresStore
import PostgresTestSupport
@testable import ProgressStore
import Testing
import TestSupport

/// The same history written to the SQLite store and to the PostgreSQL store gives the same report figures,
/// coverage, completers and award candidates for every period, and PostgreSQL's day rollups give its raw
/// figures: the city's reports are the communes' reports.
@Suite("Reports from PostgreSQL equal those from SQLite",
       .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresReportingParityTests {
    /// Both stores, written alike.
    struct Twins {
        let sqlite: AppDatabase
        let postgres: PostgresStore

        func register(_ learner: NewLearner, at date: Date) async throws -> Int64 {
            let a = try await sqlite.register(learner, at: date)
            let b = try await postgres.register(learner, at: date)
            #expect(a.id == b.id, "both number learners from 1 in order")
            return a.id
        }

        func each(_ body: (any ProgressRepository & StaffRepository) async throws -> Void) async throws {
            try await body(sqlite)
            try await body(postgres)
        }
    }

    @Test(arguments: [11, 12] as [UInt64])
    func aRandomHistoryGivesTheSameReportsOnBothStores(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let location = try await PostgresTestServer.freshDatabase()
        let postgres = try await PostgresStore(location: location, commune: CommuneID("xa-so-sanh")!,
                                               hashing: .fastForTests, reportingSource: .rollups)
        let raw = try await PostgresStore(location: location, commune: CommuneID("xa-so-sanh")!,
                                          hashing: .fastForTests, reportingSource: .raw)
        defer {
            postgres.shutdown()
            raw.shutdown()
        }
        let twins = Twins(sqlite: try await RollupTests.store(), postgres: postgres)
        try await postgres.saveUnits(StoreFixture.units)
        var learners: [Int64] = []
        var anonymised: Set<Int64> = []
        var now = RollupTests.local(2025, 11, 20, 7)
        var attempts = 0
        for _ in 0..<250 {
            now = now.addingTimeInterval(TimeInterval(Int.random(in: 60...172_800, using: &random)))
            let late = Int.random(in: 0..<8, using: &random) == 0
            let at = late ? now.addingTimeInterval(-TimeInterval(Int.random(in: 0...259_200, using: &random))) : now
            let roll = Int.random(in: 0..<100, using: &random)
            if learners.isEmpty || roll < 12 {
                let id = try await twins.register(NewLearner(
                    displayName: "Người \(learners.count)", unitID: RollupTests.units.randomElement(using: &random)!,
                    category: LearnerCategory.allCases.randomElement(using: &random)!), at: now)
                learners.append(id)
                if Bool.random(using: &random) {
                    let consent = ConsentEvent(learnerID: id, purpose: .reporting, noticeVersion: "2026-01",
                                               given: true, at: now)
                    try await twins.each { try await $0.recordConsent(consent) }
                }
                continue
            }
            let learner = learners.randomElement(using: &random)!
            let course = RollupTests.courses.randomElement(using: &random)!
            let lesson = "0\(Int.random(in: 1...3, using: &random))"
            switch roll {
            case 12..<40:
                try await twins.each {
                    try await $0.recordLessonVisit(learnerID: learner, courseID: course, lessonID: lesson, at: at)
                }
            case 40..<60:
                try await twins.each {
                    _ = try await $0.recordLessonCompletion(learnerID: learner, courseID: course, lessonID: lesson,
                                                            at: at, completing: nil)
                }
            case 60..<85:
                attempts += 1
                let record = RollupTests.attempt(
                    "t\(attempts)", learner: learner, course: course, correct: Int.random(in: 0...5, using: &random),
                    final: Int.random(in: 0..<3, using: &random) > 0, at: at)
                try await twins.each { _ = try await $0.recordAttempt(record) }
            case 85..<93:
                let percent = Bool.random(using: &random) ? nil : Int.random(in: 40...100, using: &random)
                _ = try await twins.sqlite.recordCompletion(learnerID: learner, courseID: course, courseVersion: 1,
                                                            percent: percent, at: at)
                _ = try await twins.postgres.recordCompletion(learnerID: learner, courseID: course, courseVersion: 1,
                                                              percent: percent, at: at)
            case 93..<98 where !anonymised.contains(learner):
                let correction = LearnerCorrection(
                    unitID: Bool.random(using: &random) ? RollupTests.units.randomElement(using: &random)! : nil,
                    category: Bool.random(using: &random) ? LearnerCategory.allCases.randomElement(using: &random)! : nil)
                _ = try await twins.sqlite.correct(learnerID: learner, correction, at: now)
                _ = try await twins.postgres.correct(learnerID: learner, correction, at: now)
            default:
                if anonymised.insert(learner).inserted {
                    try await twins.each { try await $0.anonymise(learnerID: learner, at: now) }
                }
            }
        }
        let calendar = RollupCalendar.campaign
        let first = calendar.day(RollupTests.local(2025, 11, 1))
        let last = calendar.day(now) + 3
        var periods = [
            ReportingPeriod.year(2026, deadline: (12, 10), timeZone: RollupTests.vietnam),
            ReportingPeriod.year(2027, deadline: (12, 10), timeZone: RollupTests.vietnam),
            ReportingPeriod.review(from: 2026, until: 2027, deadline: (12, 10), timeZone: RollupTests.vietnam),
        ]
        for _ in 0..<6 {
            let startDay = Int.random(in: first...last, using: &random)
            let endDay = Int.random(in: startDay...last + 30, using: &random)
            let offset = TimeInterval(Int.random(in: 1..<86_400, using: &random))
            periods.append(ReportingPeriod(start: calendar.start(ofDay: startDay), end: calendar.start(ofDay: endDay)))
            periods.append(ReportingPeriod(start: calendar.start(ofDay: startDay).addingTimeInterval(offset),
                                           end: calendar.start(ofDay: endDay).addingTimeInterval(offset / 2)))
        }
        var periodsWithActivity = 0
        for period in periods {
            let fromSQLite = try await RollupTests.answers(twins.sqlite, period)
            let fromPostgres = try await RollupTests.answers(postgres, period)
            #expect(fromPostgres == fromSQLite, "period \(period.start) – \(period.end)")
            #expect(try await RollupTests.answers(raw, period) == fromPostgres, "rollups against raw events")
            for unit in RollupTests.units {
                #expect(try await postgres.figures(for: period, unitID: unit) == twins.sqlite.figures(for: period, unitID: unit))
            }
            if fromSQLite.groups.contains(where: { $0.figures.active > 0 }) { periodsWithActivity += 1 }
        }
        #expect(periodsWithActivity > periods.count / 3, "the periods reach the history")
        // Item analysis of one final quiz over the whole history.
        let everything = ReportingPeriod(start: RollupTests.local(2025, 1, 1), end: now.addingTimeInterval(86_400))
        for quiz in ["a/quiz", "b/quiz"] {
            let sqliteCounts = try await twins.sqlite.itemCounts(quizID: quiz, period: everything)
            let postgresCounts = try await postgres.itemCounts(quizID: quiz, period: everything)
            #expect(sqliteCounts.attempts > 0)
            #expect(postgresCounts == sqliteCounts)
        }
        try await PostgresTestServer.drop(location)
    }
}
