import Foundation
import LearningCore
@testable import ProgressStore
import Testing
import TestSupport

/// Reports read rollups; the raw events are the truth. Random workloads and random periods prove the two give
/// the same figures, and a learner's move leaves last year's report as it was sent.
@Suite("Rollups and recorded history")
struct RollupTests {
    static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    static let units = ["thon-1", "thon-2", "phong-van-hoa-xa-hoi"]
    static let courses = ["a", "b", "c"]

    static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    static func store() async throws -> AppDatabase {
        let store = try AppDatabase.inMemory()
        try await store.saveUnits(StoreFixture.units)
        return store
    }

    static func attempt(_ id: String, learner: Int64, course: String, correct: Int, final: Bool, at date: Date)
        -> AttemptRecord
    {
        let questions = (0..<5).map { index in
            QuestionResult(questionID: "\(course)/quiz/\(index + 1)", contentHash: "hash\(index)",
                           response: .choices([index < correct ? "a" : "b"]), credit: index < correct ? .full : .zero)
        }
        return AttemptRecord(
            attemptID: id, learnerID: learner, courseID: course, courseVersion: 1,
            quizID: final ? "\(course)/quiz" : "\(course)/01", isFinalQuiz: final, seed: 1,
            startedAt: date.addingTimeInterval(-300), submittedAt: date,
            result: QuizResult(questions: questions, passMark: 60))
    }

    /// The basic level's course lists the store keeps who reached (business's only from the end of the workload,
    /// so that its rows are made by the rebuild that a changed list starts).
    static let basicLevel: [LearnerCategory: [String]] = [
        .citizens: ["a", "b"], .workers: ["c", "a"], .officials: ["a", "b", "c"], .partyMembers: ["b"],
        .business: ["a", "c"],
    ]

    /// Everything a report asks of the repository, for one period.
    struct Answers: Equatable {
        var groups: [LearnerGroupFigures]
        var courses: [CourseGroupFigures]
        var coverage: [[CoverageCount]]
        var completing: [String: Int]
        var named: [AwardCandidate]
        var withheld: Int
    }

    static func answers(_ repository: any ReportingRepository, _ period: ReportingPeriod) async throws -> Answers {
        let (groups, courses) = try await repository.figures(for: period)
        var coverage: [[CoverageCount]] = []
        for category in LearnerCategory.allCases {
            coverage.append(try await repository.basicLevelReached(category: category,
                                                                   courseIDs: basicLevel[category] ?? ["a", "b"],
                                                                   period: period)
                .sorted { $0.unitID < $1.unitID })
        }
        let (named, withheld) = try await repository.awardCandidates(period: period, minimumCourses: 2,
                                                                     minimumAverage: 50)
        return Answers(groups: groups, courses: courses, coverage: coverage,
                       completing: try await repository.learnersCompleting(courseIDs: ["a", "c"], period: period),
                       named: named, withheld: withheld)
    }

    @Test func movingALearnerLeavesLastYearsReportAsItWas() async throws {
        let store = try await Self.store()
        let year2026 = ReportingPeriod.year(2026, deadline: (12, 10), timeZone: Self.vietnam)
        let lan = try await store.register(NewLearner(displayName: "Lan", unitID: "thon-1", category: .citizens,
                                                      phone: nil, pin: nil), at: Self.local(2026, 1, 5, 8))
        try await store.recordConsent(ConsentEvent(learnerID: lan.id, purpose: .reporting, noticeVersion: "2026-01",
                                                   given: true, at: Self.local(2026, 1, 5, 8)))
        for (index, course) in ["a", "b"].enumerated() {
            let at = Self.local(2026, 3 + index, 10, 9)
            try await store.recordLessonVisit(learnerID: lan.id, courseID: course, lessonID: "01", at: at)
            _ = try await store.recordLessonCompletion(learnerID: lan.id, courseID: course, lessonID: "01", at: at,
                                                       completing: nil)
            _ = try await store.recordAttempt(Self.attempt("lan-\(course)", learner: lan.id, course: course,
                                                           correct: 5, final: true, at: at))
            _ = try await store.recordCompletion(learnerID: lan.id, courseID: course, courseVersion: 1, percent: 100,
                                                 at: at)
        }
        let before = try await Self.answers(store, year2026)
        #expect(before.groups.map(\.unitID) == ["thon-1"] && before.named.map(\.unitID) == ["thon-1"])
        #expect(before.coverage[LearnerCategory.allCases.firstIndex(of: .citizens)!].first?.reachedByEnd == 1)

        // In 2027 Lan moves to thôn 2 and becomes a worker, and keeps learning there.
        _ = try await store.correct(learnerID: lan.id, LearnerCorrection(unitID: "thon-2", category: .workers),
                                    at: Self.local(2027, 2, 1, 10))
        _ = try await store.recordAttempt(Self.attempt("lan-c", learner: lan.id, course: "c", correct: 5, final: true,
                                                       at: Self.local(2027, 2, 2, 10)))
        let after = try await Self.answers(store, year2026)
        #expect(after == before, "last year's figures, coverage and awards are those that were sent")
        #expect(try await store.keepBasicLevel(Self.basicLevel), "a changed list is rebuilt")
        var raw = store
        raw.reportingSource = .raw
        #expect(try await Self.answers(raw, year2026) == before)
        // The move counts from its day on: 2027's figures place Lan in thôn 2.
        let (groups2027, _) = try await store.figures(
            for: ReportingPeriod.year(2027, deadline: (12, 10), timeZone: Self.vietnam))
        #expect(groups2027.map(\.unitID) == ["thon-2"] && groups2027.first?.category == .workers)
        #expect(groups2027.first?.figures.registered == 1 && groups2027.first?.figures.active == 1)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func rollupsGiveTheRawFiguresForRandomWorkloadsAndPeriods(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let store = try await Self.store()
        #expect(try await store.keepBasicLevel(Self.basicLevel.filter { $0.key != .business }))
        #expect(try await !store.keepBasicLevel(Self.basicLevel.filter { $0.key != .business }), "kept already")
        var learners: [Int64] = []
        var now = Self.local(2025, 11, 20, 7)
        var attempts = 0
        var anonymised: Set<Int64> = []
        for _ in 0..<400 {
            // Time moves forward by minutes to two days; events are sometimes written late (dated earlier).
            now = now.addingTimeInterval(TimeInterval(Int.random(in: 60...172_800, using: &random)))
            let late = Bool.random(using: &random) && Int.random(in: 0..<4, using: &random) == 0
            let at = late ? now.addingTimeInterval(-TimeInterval(Int.random(in: 0...259_200, using: &random))) : now
            let roll = Int.random(in: 0..<100, using: &random)
            if learners.isEmpty || roll < 12 {
                let learner = try await store.register(NewLearner(
                    displayName: "Người \(learners.count)", unitID: Self.units.randomElement(using: &random)!,
                    category: LearnerCategory.allCases.randomElement(using: &random)!, phone: nil, pin: nil), at: now)
                learners.append(learner.id)
                if Bool.random(using: &random) {
                    try await store.recordConsent(ConsentEvent(learnerID: learner.id, purpose: .reporting,
                                                               noticeVersion: "2026-01", given: true, at: now))
                }
                continue
            }
            let learner = learners.randomElement(using: &random)!
            let course = Self.courses.randomElement(using: &random)!
            switch roll {
            case 12..<40:
                try await store.recordLessonVisit(learnerID: learner, courseID: course,
                                                  lessonID: "0\(Int.random(in: 1...3, using: &random))", at: at)
            case 40..<60:
                _ = try await store.recordLessonCompletion(
                    learnerID: learner, courseID: course, lessonID: "0\(Int.random(in: 1...3, using: &random))",
                    at: at, completing: nil)
            case 60..<85:
                attempts += 1
                _ = try await store.recordAttempt(Self.attempt(
                    "t\(attempts)", learner: learner, course: course, correct: Int.random(in: 0...5, using: &random),
                    final: Int.random(in: 0..<3, using: &random) > 0, at: at))
            case 85..<93:
                _ = try await store.recordCompletion(learnerID: learner, courseID: course, courseVersion: 1,
                                                     percent: Bool.random(using: &random) ? nil
                                                         : Int.random(in: 40...100, using: &random), at: at)
            case 93..<98 where !anonymised.contains(learner):
                _ = try await store.correct(
                    learnerID: learner, LearnerCorrection(
                        unitID: Bool.random(using: &random) ? Self.units.randomElement(using: &random)! : nil,
                        category: Bool.random(using: &random)
                            ? LearnerCategory.allCases.randomElement(using: &random)! : nil),
                    at: now)
            default:
                if anonymised.insert(learner).inserted {
                    try await store.anonymise(learnerID: learner, at: now)
                }
            }
        }
        #expect(try await store.keepBasicLevel(Self.basicLevel), "a changed list is rebuilt")
        var raw = store
        raw.reportingSource = .raw
        let calendar = RollupCalendar.campaign
        let first = calendar.day(Self.local(2025, 11, 1))
        let last = calendar.day(now) + 3
        var periods = [
            ReportingPeriod.year(2026, deadline: (12, 10), timeZone: Self.vietnam),
            ReportingPeriod.year(2027, deadline: (12, 10), timeZone: Self.vietnam),
            ReportingPeriod.review(from: 2026, until: 2027, deadline: (12, 10), timeZone: Self.vietnam),
        ]
        for _ in 0..<12 {
            let startDay = Int.random(in: first...last, using: &random)
            let endDay = Int.random(in: startDay...last + 30, using: &random)
            let midnightStart = calendar.start(ofDay: startDay)
            let midnightEnd = calendar.start(ofDay: endDay)
            let offset = { (random: inout SplitMix64) in TimeInterval(Int.random(in: 1..<86_400, using: &random)) }
            periods.append(ReportingPeriod(start: midnightStart, end: midnightEnd))  // day boundaries
            periods.append(ReportingPeriod(start: midnightStart, end: midnightStart.addingTimeInterval(86_400)))
            periods.append(ReportingPeriod(start: midnightStart.addingTimeInterval(offset(&random)),
                                           end: midnightEnd.addingTimeInterval(offset(&random))))
            periods.append(ReportingPeriod(start: midnightStart, end: midnightEnd.addingTimeInterval(offset(&random))))
            periods.append(ReportingPeriod(start: midnightStart.addingTimeInterval(offset(&random)),
                                           end: midnightStart.addingTimeInterval(offset(&random) / 2 + 43_200)))
            let year = ReportingPeriod.year(Int.random(in: 2026...2027, using: &random), deadline: (12, 10),
                                            timeZone: Self.vietnam)
            periods.append(ReportingPeriod(start: year.start.addingTimeInterval(-offset(&random) * 20),
                                           end: year.end.addingTimeInterval(offset(&random) * 10)))
            // The year to date (to a midnight and to a moment), the rest of a year, and most of a year: read from
            // each pair's span of active days and from the year's sums less the days around.
            let yearDays = calendar.days(ofYear: calendar.reportingYear(ofDay: calendar.day(year.start)))
            let cut = Int.random(in: yearDays.lowerBound + 1..<yearDays.upperBound, using: &random)
            let yearStart = calendar.start(ofDay: yearDays.lowerBound)
            periods.append(ReportingPeriod(start: yearStart, end: calendar.start(ofDay: cut)))
            periods.append(ReportingPeriod(start: yearStart, end: calendar.start(ofDay: cut).addingTimeInterval(
                offset(&random))))
            periods.append(ReportingPeriod(start: calendar.start(ofDay: cut),
                                           end: calendar.start(ofDay: yearDays.upperBound)))
            periods.append(ReportingPeriod(start: calendar.start(ofDay: yearDays.lowerBound + 3),
                                           end: calendar.start(ofDay: yearDays.upperBound - 5)))
            // A year, or the rest of one, with part of the day before it.
            periods.append(ReportingPeriod(start: calendar.start(ofDay: cut).addingTimeInterval(-offset(&random)),
                                           end: calendar.start(ofDay: yearDays.upperBound)))
            periods.append(ReportingPeriod(start: yearStart.addingTimeInterval(-offset(&random)),
                                           end: calendar.start(ofDay: yearDays.upperBound)))
        }
        var periodsWithActivity = 0
        for period in periods {
            let fromRollups = try await Self.answers(store, period)
            let fromRaw = try await Self.answers(raw, period)
            if fromRaw.groups.contains(where: { $0.figures.active > 0 }) { periodsWithActivity += 1 }
            #expect(fromRollups == fromRaw, "period \(period.start) – \(period.end)")
            for unit in Self.units {
                let scoped = try await Self.answers(UnitScopedReporting(base: store, unitID: unit), period)
                let scopedRaw = try await Self.answers(UnitScopedReporting(base: raw, unitID: unit), period)
                #expect(scoped == scopedRaw, "unit \(unit), period \(period.start) – \(period.end)")
                #expect(scoped.groups == fromRaw.groups.filter { $0.unitID == unit })
            }
        }
        #expect(periodsWithActivity > periods.count / 3, "the periods reach the workload")

        let live = try await store.rollupSnapshot()
        try await store.rebuildSummaries()
        #expect(try await store.rollupSnapshot() == live, "rebuild-summaries gives the rollups kept live")
    }
}
