import Foundation
import LearningCore
import PostgresStore
@testable import ProgressStore
import Testing
import TestSupport

/// A random commune history written alike to the SQLite store and, when given, a PostgreSQL store: registrations,
/// consents, visits, lessons read, attempts, completions, moves and deletions, some written late (dated earlier),
/// and some completions at the very instant of the one before, by the same learner (a tie the rollups break by
/// course id).
struct RandomHistory {
    let sqlite: AppDatabase
    let postgres: PostgresStore?

    /// Learners registered so far, by their id in the SQLite store.
    private(set) var learners: [Int64] = []
    private var anonymised: Set<Int64> = []
    private var attempts = 0
    private var lastCompletion: (learner: Int64, at: Date)?
    /// Completions written at the instant of the one before, by the same learner.
    private(set) var ties = 0

    init(sqlite: AppDatabase, postgres: PostgresStore?) {
        self.sqlite = sqlite
        self.postgres = postgres
    }

    private func register(_ learner: NewLearner, at date: Date) async throws -> Int64 {
        let a = try await sqlite.register(learner, at: date)
        if let b = try await postgres?.register(learner, at: date) {
            #expect(a.id == b.id, "both number learners from 1 in order")
        }
        return a.id
    }

    private func each(_ body: (any ProgressRepository & StaffRepository) async throws -> Void) async throws {
        try await body(sqlite)
        if let postgres { try await body(postgres) }
    }

    /// Writes `events` events from `start` on; returns the last event's time.
    mutating func write(from start: Date, events: Int, _ random: inout SplitMix64) async throws -> Date {
        var now = start
        for _ in 0..<events {
            now = now.addingTimeInterval(TimeInterval(Int.random(in: 60...172_800, using: &random)))
            let late = Int.random(in: 0..<8, using: &random) == 0
            let at = late ? now.addingTimeInterval(-TimeInterval(Int.random(in: 0...259_200, using: &random))) : now
            let roll = Int.random(in: 0..<100, using: &random)
            if learners.isEmpty || roll < 12 {
                let id = try await register(NewLearner(
                    displayName: "Người \(learners.count)", unitID: RollupTests.units.randomElement(using: &random)!,
                    category: LearnerCategory.allCases.randomElement(using: &random)!), at: now)
                learners.append(id)
                if Bool.random(using: &random) {
                    let consent = ConsentEvent(learnerID: id, purpose: .reporting, noticeVersion: "2026-01",
                                               given: true, at: now)
                    try await each { try await $0.recordConsent(consent) }
                }
                continue
            }
            let learner = learners.randomElement(using: &random)!
            let course = RollupTests.courses.randomElement(using: &random)!
            let lesson = "0\(Int.random(in: 1...3, using: &random))"
            switch roll {
            case 12..<40:
                try await each {
                    try await $0.recordLessonVisit(learnerID: learner, courseID: course, lessonID: lesson, at: at)
                }
            case 40..<60:
                try await each {
                    _ = try await $0.recordLessonCompletion(learnerID: learner, courseID: course, lessonID: lesson,
                                                            at: at, completing: nil)
                }
            case 60..<85:
                attempts += 1
                let record = RollupTests.attempt(
                    "t\(attempts)", learner: learner, course: course, correct: Int.random(in: 0...5, using: &random),
                    final: Int.random(in: 0..<3, using: &random) > 0, at: at)
                try await each { _ = try await $0.recordAttempt(record) }
            case 85..<93:
                let percent = Bool.random(using: &random) ? nil : Int.random(in: 40...100, using: &random)
                let tie = Int.random(in: 0..<3, using: &random) == 0 ? lastCompletion : nil
                let (who, when) = tie.map { ($0.learner, $0.at) } ?? (learner, at)
                if tie != nil { ties += 1 }
                _ = try await sqlite.recordCompletion(learnerID: who, courseID: course, courseVersion: 1,
                                                      percent: percent, at: when)
                _ = try await postgres?.recordCompletion(learnerID: who, courseID: course, courseVersion: 1,
                                                         percent: percent, at: when)
                lastCompletion = (who, when)
            case 93..<98 where !anonymised.contains(learner):
                let correction = LearnerCorrection(
                    unitID: Bool.random(using: &random) ? RollupTests.units.randomElement(using: &random)! : nil,
                    category: Bool.random(using: &random) ? LearnerCategory.allCases.randomElement(using: &random)! : nil)
                _ = try await sqlite.correct(learnerID: learner, correction, at: now)
                _ = try await postgres?.correct(learnerID: learner, correction, at: now)
            default:
                if anonymised.insert(learner).inserted {
                    try await each { try await $0.anonymise(learnerID: learner, at: now) }
                }
            }
        }
        return now
    }

    /// The periods a history is reported on: the campaign's years and review, and random ones, whole local days
    /// and not.
    static func periods(until now: Date, _ random: inout SplitMix64) -> [ReportingPeriod] {
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
        return periods
    }
}
