import Foundation
import GRDB
import LearningCore
import ProgressStore
import Testing
import TestSupport

@Suite("An attempt and the completion it earns: together or not at all")
struct CompletionAtomicityTests {
    @Test func whenTheCompletionCannotBeWrittenTheAttemptIsNotStoredEither() async throws {
        let store = try await ContractStore(.sqlite)
        let lan = try await store.learner()
        try await store.learning.finishLesson(lan, courseID: "khoa", lessonID: "01-mot")
        let attempt = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        for question in attempt.questions {
            _ = try await store.learning.answer(lan, attemptID: attempt.attemptID, questionID: question.id,
                                                response: CourseFixtures.rightResponse(question))
        }
        // The disk refuses the completion row (a trigger stands in for a full disk at that very write).
        let path = store.folder.appendingPathComponent("hoctap.sqlite").path
        let saboteur = try DatabaseQueue(path: path)
        try await saboteur.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_completion BEFORE INSERT ON courseCompletion
                BEGIN SELECT RAISE(ABORT, 'disk full'); END
                """)
        }
        await #expect(throws: (any Error).self) {
            _ = try await store.learning.submit(lan, attemptID: attempt.attemptID, submissionID: "s-1")
        }
        #expect(try await store.repository.attemptCount(learnerID: lan.learnerID, quizID: "khoa/quiz") == 0)
        let draft = try await store.repository.draft(attemptID: attempt.attemptID, learnerID: lan.learnerID)
        #expect(draft?.responses.count == 5, "the answers are still there to submit again")
        let progress = try await store.repository.courseProgress(learnerID: lan.learnerID, courseID: "khoa")
        #expect(progress.finalAttempts == 0 && !progress.passedFinalQuiz, "the summaries rolled back too")

        // Once the disk takes writes again, the same submission stores both.
        try await saboteur.write { db in try db.execute(sql: "DROP TRIGGER refuse_completion") }
        try saboteur.close()
        let submitted = try await store.learning.submit(lan, attemptID: attempt.attemptID, submissionID: "s-1")
        #expect(submitted.result?.completion != nil)
        #expect(try await store.repository.attemptCount(learnerID: lan.learnerID, quizID: "khoa/quiz") == 1)
    }
}
