import Foundation
import LearningCore
import ProgressStore
import Testing
import TestSupport

@Suite("Submissions: idempotent, concurrent, resumable")
struct SubmissionTests {
    @Test func theSameSubmissionIDIsStoredOnceAndAnsweredWithTheFirstResult() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register()
        let first = fixture.attempt("kiosk-7f3a", learner: learner.id, correct: 4)
        var retried = fixture.attempt("kiosk-7f3a", learner: learner.id, correct: 1)
        retried.submittedAt = retried.submittedAt.addingTimeInterval(5)
        let stored = try await fixture.database.recordAttempt(first)
        let again = try await fixture.database.recordAttempt(retried)
        #expect(!stored.wasDuplicate)
        #expect(again.wasDuplicate)
        #expect(again.record == first, "the retry gets the first result, not its own")
        #expect(try await fixture.database.attemptCount(learnerID: learner.id, quizID: "khoa-thu/quiz") == 1)
        let other = try await fixture.register("Người khác")
        await #expect(throws: ProgressError(.attemptConflict, "kiosk-7f3a")) {
            _ = try await fixture.database.recordAttempt(fixture.attempt("kiosk-7f3a", learner: other.id))
        }
    }

    @Test func eightConcurrentWritersLoseNothingAndCountNothingTwice() async throws {
        let fixture = try await StoreFixture()
        let learners = try await (0..<8).asyncMap { try await fixture.register("Người học \($0)") }
        let database = fixture.database
        let attempts = (0..<8).map { writer in
            (0..<500).map { fixture.attempt("w\(writer)-\($0)", learner: learners[writer % 2].id, correct: $0 % 6) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for record in attempts[writer] {
                        _ = try await database.recordAttempt(record)
                        // Every fifth one is retried, as a kiosk does after a network blip.
                        if record.attemptID.hasSuffix("5") { _ = try await database.recordAttempt(record) }
                    }
                }
            }
            try await group.waitForAll()
        }
        let counts = try await learners[0...1].asyncMap {
            try await database.attemptCount(learnerID: $0.id, quizID: "khoa-thu/quiz")
        }
        #expect(counts == [2000, 2000])
        let summary = try await database.courseProgress(learnerID: learners[0].id, courseID: "khoa-thu")
        #expect(summary.finalAttempts == 2000)
        #expect(try await database.checkIntegrity().isHealthy)
    }

    @Test func aDraftSurvivesARestartAndIsSubmittedOnce() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register()
        let quiz = QuizFixtures.quiz
        var attempt = try QuizAttempt.start(quiz: quiz, id: "draft-1", seed: 99, at: fixture.clock.now())
        let draft = AttemptDraft(attemptID: attempt.id, learnerID: learner.id, courseID: "khoa-thu", quizID: quiz.id,
                                 seed: attempt.seed, startedAt: attempt.startedAt)
        _ = try await fixture.database.openAttempt(draft, attemptsAllowed: nil)
        for questionID in attempt.questionIDs.prefix(2) {
            let response = try #require(QuizFixtures.rightAnswers[questionID])
            _ = try attempt.answer(response, to: questionID, at: fixture.clock.now())
            try await fixture.database.saveDraftAnswer(attemptID: draft.attemptID, learnerID: learner.id,
                                                       questionID: questionID, response: response,
                                                       at: fixture.clock.now())
        }

        // The power goes out; the server starts again.
        try fixture.reopen()
        let saved = try #require(try await fixture.database.draft(attemptID: "draft-1", learnerID: learner.id))
        #expect(try await fixture.database.openAttempts(learnerID: learner.id).map(\.attemptID) == ["draft-1"])
        var resumed = try QuizAttempt.resume(quiz: quiz, id: saved.attemptID, seed: saved.seed,
                                             startedAt: saved.startedAt, drafts: saved.responses)
        #expect(resumed.questionIDs == attempt.questionIDs)
        #expect(resumed.responses == attempt.responses)
        _ = resumed.submit(at: fixture.clock.now())
        let course = QuizFixtures.course
        let record = try #require(AttemptRecord(resumed, learnerID: learner.id, course: course))
        _ = try await fixture.database.recordAttempt(record)
        _ = try await fixture.database.recordAttempt(record)
        #expect(try await fixture.database.attemptCount(learnerID: learner.id, quizID: quiz.id) == 1)
        #expect(try await fixture.database.draft(attemptID: "draft-1", learnerID: learner.id) == nil,
                "the drafts go with the submission")
        // A late draft write for a submitted attempt (a retried request) is refused and brings nothing back.
        await #expect(throws: LearningError(.attemptNotFound, "draft-1")) {
            try await fixture.database.saveDraftAnswer(attemptID: "draft-1", learnerID: learner.id,
                                                       questionID: attempt.questionIDs[2], response: .choices(["a"]),
                                                       at: fixture.clock.now())
        }
        #expect(try await fixture.database.draft(attemptID: "draft-1", learnerID: learner.id) == nil)
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
