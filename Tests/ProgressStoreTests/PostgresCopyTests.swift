import Foundation
import LearningCore
import PostgresStore
import PostgresTestSupport
@testable import ProgressStore
import Testing
import TestSupport

/// `hoctap db copy`'s work: a commune's history moves from its SQLite file into the city's PostgreSQL database
/// all or nothing, reports there as it did in the file, and copying again adds only what is new.
@Suite("A commune's history copied into the city database",
       .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresCopyTests {
    let commune = CommuneID("xa-kien-thuy")!

    /// A report's answers with learners named by name rather than by id (ids are the city's own after a copy).
    static func answers(_ repository: any ReportingRepository, _ period: ReportingPeriod) async throws
        -> RollupTests.Answers
    {
        var answers = try await RollupTests.answers(repository, period)
        answers.named = answers.named.map { candidate in
            var named = candidate
            named.learnerID = 0
            return named
        }
        return answers
    }

    @Test func aCopiedHistoryReportsAsItsFileAndCopyingAgainAddsOnlyWhatIsNew() async throws {
        var random = SplitMix64(seed: 21)
        var history = RandomHistory(sqlite: try await RollupTests.store(), postgres: nil)
        let sqlite = history.sqlite
        let start = RollupTests.local(2025, 11, 20, 7)
        let lan = try await sqlite.register(NewLearner(displayName: "Nguyễn Thị Lan", unitID: "thon-1",
                                                       category: .citizens, pin: "2468"), at: start)
        let clerk = try await sqlite.createStaffAccount(username: "thuky", displayName: "Thư ký", password: "mật khẩu dài",
                                                        role: .communeStaff, unitID: nil, at: start)
        try await sqlite.recordAudit(AuditEntry(at: start, staffName: clerk.username, action: .viewLearner,
                                                learnerID: lan.id, detail: ""))
        try await sqlite.setQuizClosed("a/quiz", closed: true, at: start)
        let now = try await history.write(from: start, events: 200, &random)

        let location = try await PostgresTestServer.freshDatabase()
        let city = try await PostgresStore(location: location, commune: commune, hashing: .fastForTests)
        let neighbour = try await PostgresStore(location: location, commune: CommuneID("xa-ben-canh")!,
                                                hashing: .fastForTests)
        defer {
            city.shutdown()
            neighbour.shutdown()
        }
        try await neighbour.saveUnits(CourseFixtures.units)
        _ = try await neighbour.register(NewLearner(displayName: "Trần Văn Hùng", unitID: "thon-1", category: .citizens),
                                         at: start)
        let neighbourBefore = try await neighbour.historyCounts()

        let source = try await sqlite.history()
        #expect(try await city.historyCounts() == HistoryCounts())
        try await city.copy(source)
        let copied = try await city.historyCounts()
        #expect(copied == source.counts)
        #expect(copied.learners > 20 && copied.attempts > 20 && copied.lessonEvents > 50)
        let periods = RandomHistory.periods(until: now, &random)
        for period in periods {
            #expect(try await Self.answers(city, period) == Self.answers(sqlite, period),
                    "period \(period.start) – \(period.end)")
        }
        // Signing in, staff sign-in and the closed quiz come along (secrets as their hashes).
        let copiedLan = try #require(try await city.learners(unitID: "thon-1", named: "Nguyễn Thị Lan").first)
        #expect(try await city.verifyPIN(learnerID: copiedLan.id, pin: "2468"))
        #expect(try await city.verifyStaffPassword(username: "thuky", password: "mật khẩu dài") != nil)
        #expect(try await city.closedQuizIDs() == ["a/quiz"])
        #expect(try await city.auditLog(limit: 10).map(\.learnerID) == [copiedLan.id])

        // Again: nothing added.
        try await city.copy(try await sqlite.history())
        #expect(try await city.historyCounts() == copied)

        // The commune goes on working on its file, then copies again: only the new rows come.
        _ = try await history.write(from: now, events: 60, &random)
        let grown = try await sqlite.history()
        try await city.copy(grown)
        #expect(try await city.historyCounts() == grown.counts)
        #expect(grown.counts != copied)
        for period in RandomHistory.periods(until: now.addingTimeInterval(86_400 * 60), &random) {
            #expect(try await Self.answers(city, period) == Self.answers(sqlite, period))
        }
        #expect(try await neighbour.historyCounts() == neighbourBefore, "another commune's rows are untouched")
        try await PostgresTestServer.drop(location)
    }

    @Test func openAttemptsAndSignInFailuresComeAlongAndASubmittedOneIsClosedByTheNextCopy() async throws {
        let sqlite = try await RollupTests.store()
        let at = RollupTests.local(2026, 3, 2, 8)
        let lan = try await sqlite.register(NewLearner(displayName: "Lan", unitID: "thon-1", category: .citizens,
                                                       pin: "2468"), at: at)
        let draft = AttemptDraft(attemptID: "mo-1", learnerID: lan.id, courseID: "a", quizID: "a/quiz", seed: 7,
                                 startedAt: at, deadline: at.addingTimeInterval(900), responses: [:])
        _ = try await sqlite.openAttempt(draft, attemptsAllowed: nil)
        try await sqlite.saveDraftAnswer(attemptID: "mo-1", learnerID: lan.id, questionID: "a/quiz/1",
                                         response: .choices(["b"]), at: at.addingTimeInterval(60))
        let wrongPINs = SignInThrottle.State(failures: 3, lastFailureAt: at.addingTimeInterval(120))
        try await sqlite.saveSignInThrottle(key: SignInService.learnerKey(lan.id), state: wrongPINs)
        let kiosk = SignInThrottle.State(failures: 9, lastFailureAt: at, lockedUntil: at.addingTimeInterval(600))
        try await sqlite.saveSignInThrottle(key: "kiosk:ki-ot-1", state: kiosk)

        let location = try await PostgresTestServer.freshDatabase()
        let city = try await PostgresStore(location: location, commune: commune, hashing: .fastForTests)
        defer { city.shutdown() }
        // A learner already in the city first, so that Lan's id there differs from her id in the file.
        try await city.saveUnits(CourseFixtures.units)
        _ = try await city.register(NewLearner(displayName: "Hùng", unitID: "thon-1", category: .citizens), at: at)
        try await city.copy(try await sqlite.history())
        let copiedLan = try #require(try await city.learners(unitID: "thon-1", named: "Lan").first)
        #expect(copiedLan.id != lan.id)
        var expected = draft
        expected.learnerID = copiedLan.id
        expected.responses = ["a/quiz/1": .choices(["b"])]
        #expect(try await city.openAttempts(learnerID: copiedLan.id) == [expected])
        #expect(try await city.signInThrottle(key: SignInService.learnerKey(copiedLan.id)) == wrongPINs)
        #expect(try await city.signInThrottle(key: SignInService.learnerKey(lan.id)) == nil)
        #expect(try await city.signInThrottle(key: "kiosk:ki-ot-1") == kiosk)

        // Submitted in the file afterwards: the next copy brings the attempt and closes the open one.
        let questions = [QuestionResult(questionID: "a/quiz/1", contentHash: "h", response: .choices(["b"]),
                                        credit: .full)]
        _ = try await sqlite.recordAttempt(AttemptRecord(
            attemptID: "mo-1", learnerID: lan.id, courseID: "a", courseVersion: 1, quizID: "a/quiz", isFinalQuiz: false,
            seed: 7, startedAt: at, submittedAt: at.addingTimeInterval(300),
            result: QuizResult(questions: questions, passMark: 80)))
        try await city.copy(try await sqlite.history())
        #expect(try await city.openAttempts(learnerID: copiedLan.id).isEmpty)
        #expect(try await city.attempt(id: "mo-1")?.learnerID == copiedLan.id)
        #expect(try await city.historyCounts().openAttempts == 0)
        try await PostgresTestServer.drop(location)
    }

    @Test func aCopyThatFailsPartWayLeavesNothingBehind() async throws {
        let sqlite = try await RollupTests.store()
        let at = RollupTests.local(2026, 3, 1, 9)
        let lan = try await sqlite.register(NewLearner(displayName: "Lan", unitID: "thon-1", category: .citizens), at: at)
        try await sqlite.recordLessonVisit(learnerID: lan.id, courseID: "a", lessonID: "01", at: at)
        var broken = try await sqlite.history()
        // The last row names a learner the history does not hold: the copy stops there.
        broken.audit.append((sourceID: 99, entry: AuditEntry(at: at, staffName: "x", action: .viewLearner, learnerID: 999,
                                                             detail: "")))
        let location = try await PostgresTestServer.freshDatabase()
        let city = try await PostgresStore(location: location, commune: commune, hashing: .fastForTests)
        defer { city.shutdown() }
        await #expect(throws: ProgressError(.unknownLearner, "999")) { try await city.copy(broken) }
        #expect(try await city.historyCounts() == HistoryCounts())
        try await PostgresTestServer.drop(location)
    }
}
