import Foundation
import LearningCore
import ProgressStore
import Testing
import TestSupport

@Suite("Period figures from SQL aggregates")
struct ReportingFiguresTests {
    static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh")!

    /// A local time in Việt Nam.
    static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test func theYearEndsWhenTheTenthOfDecemberEndsInVietnam() {
        let year2026 = ReportingPeriod.year(2026, deadline: (12, 10), timeZone: Self.vietnam)
        #expect(year2026.contains(Self.local(2026, 12, 10, 23, 59)))
        #expect(!year2026.contains(Self.local(2026, 12, 11, 0, 1)))
        #expect(ReportingPeriod.year(2027, deadline: (12, 10), timeZone: Self.vietnam)
            .contains(Self.local(2026, 12, 11, 0, 1)))
        #expect(year2026.contains(Self.local(2025, 12, 11, 0, 0)))
        #expect(!year2026.contains(Self.local(2025, 12, 10, 23, 59)))
    }

    @Test func handCountedFiguresAndBreakdownsThatAddUp() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.database
        let year = ReportingPeriod.year(2026, deadline: (12, 10), timeZone: Self.vietnam)
        let inYear = Self.local(2026, 6, 1, 9, 0)
        let lastMinute = Self.local(2026, 12, 10, 23, 59)
        let nextYear = Self.local(2026, 12, 11, 0, 1)

        let lan = try await fixture.register("Lan", unit: "thon-1", category: .citizens)
        let hung = try await fixture.register("Hùng", unit: "thon-1", category: .workers)
        let mai = try await fixture.register("Mai", unit: "thon-2", category: .citizens)
        let idle = try await fixture.register("Chưa học", unit: "thon-2", category: .citizens)
        _ = idle

        // Lan: two courses, reads a lesson in each, passes course A's final at the last minute of the year.
        try await store.recordLessonCompletion(learnerID: lan.id, courseID: "a", lessonID: "01", at: inYear, completing: nil)
        try await store.recordLessonVisit(learnerID: lan.id, courseID: "b", lessonID: "01", at: inYear)
        var passed = fixture.attempt("lan-a", learner: lan.id, correct: 5, course: "a")
        passed.submittedAt = lastMinute
        _ = try await store.recordAttempt(passed)
        _ = try await store.recordCompletion(learnerID: lan.id, courseID: "a", courseVersion: 1, percent: 100, at: lastMinute)
        // Hùng: fails course A's final in the year (40%), passes it one minute into the next year.
        var failed = fixture.attempt("hung-a1", learner: hung.id, correct: 2, course: "a")
        failed.submittedAt = inYear
        _ = try await store.recordAttempt(failed)
        var late = fixture.attempt("hung-a2", learner: hung.id, correct: 4, course: "a")
        late.submittedAt = nextYear
        _ = try await store.recordAttempt(late)
        // Mai: only reads, next year.
        try await store.recordLessonVisit(learnerID: mai.id, courseID: "a", lessonID: "01", at: nextYear)

        let (groups, courses) = try await store.figures(for: year)
        let byGroup = Dictionary(uniqueKeysWithValues: groups.map { ("\($0.unitID)/\($0.category.rawValue)", $0.figures) })
        let lanGroup = try #require(byGroup["thon-1/nguoi-dan"])
        #expect(lanGroup.registered == 1 && lanGroup.active == 1)
        #expect(lanGroup.enrolments == 2 && lanGroup.lessonCompletions == 1 && lanGroup.courseCompletions == 1)
        #expect(lanGroup.finalAttempts == 1 && lanGroup.passedAttempts == 1 && lanGroup.percentSum == 100)
        let hungGroup = try #require(byGroup["thon-1/nguoi-lao-dong"])
        #expect(hungGroup.active == 1 && hungGroup.enrolments == 1 && hungGroup.finalAttempts == 1)
        #expect(hungGroup.passedAttempts == 0 && hungGroup.percentSum == 40 && hungGroup.courseCompletions == 0)
        let thon2 = try #require(byGroup["thon-2/nguoi-dan"])
        #expect(thon2.registered == 2 && thon2.active == 0 && thon2.enrolments == 0, "next year's reading is not counted")

        let total = groups.reduce(ActivityFigures()) { $0 + $1.figures }
        #expect(total.registered == 4 && total.active == 2 && total.enrolments == 3 && total.courseCompletions == 1)
        #expect(total.finalAttempts == 2 && total.averageScore == 70 && total.passRate == 50)
        // Course-level cells add back up to the same course-level totals.
        let courseTotal = courses.reduce(ActivityFigures()) { $0 + $1.figures }
        #expect(courseTotal.enrolments == total.enrolments && courseTotal.finalAttempts == total.finalAttempts)
        #expect(courseTotal.courseCompletions == total.courseCompletions)
        #expect(courses.filter { $0.courseID == "a" }.reduce(0) { $0 + $1.figures.enrolments } == 2)
    }
}
