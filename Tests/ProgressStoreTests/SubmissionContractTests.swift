import Foundation
import LearningCore
import Testing
import TestSupport

/// A graded attempt written straight through the repository, as every store must keep it: every answer's
/// response and credit as given (a blank one too), an unknown learner refused with nothing written. On
/// PostgreSQL this is the one-statement path (`hoctap_record_attempt`).
@Suite("Recording an attempt over every store (contract)")
struct SubmissionContractTests {
    @Test(arguments: StoreKind.available)
    func anAttemptWithABlankAndAPartlyRightAnswerReadsBackAsWritten(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let questions = [
            QuestionResult(questionID: "khoa/quiz/1", contentHash: "h1", response: .choices(["a", "c"]),
                           credit: Credit(1, over: 2)),
            QuestionResult(questionID: "khoa/quiz/2", contentHash: "h2", response: nil, credit: .zero),
            QuestionResult(questionID: "khoa/quiz/3", contentHash: "h3", response: .text("Mật khẩu"), credit: .full),
        ]
        let record = AttemptRecord(
            attemptID: "lan-1", learnerID: lan.learnerID, courseID: "khoa", courseVersion: 3, quizID: "khoa/quiz",
            isFinalQuiz: false, seed: 18_000_000_000_000_000_001, startedAt: store.clock.now(),
            submittedAt: store.clock.now().addingTimeInterval(90), result: QuizResult(questions: questions, passMark: 60))
        let recorded = try await store.repository.recordAttempt(record, submissionID: "kiosk-7", completing: nil)
        #expect(recorded.wasDuplicate == false)
        #expect(try await store.repository.attempt(id: "lan-1") == record)
        // The same submission again is the first record, marked as a repeat; nothing more is written.
        let again = try await store.repository.recordAttempt(record, submissionID: "kiosk-7", completing: nil)
        #expect(again.wasDuplicate && again.record == record)
        #expect(try await store.repository.attemptCount(learnerID: lan.learnerID, quizID: "khoa/quiz") == 1)

        var stranger = record
        stranger.attemptID = "nobody-1"
        stranger.learnerID = 987_654
        await #expect(throws: ProgressError(.unknownLearner, "987654")) {
            _ = try await store.repository.recordAttempt(stranger, submissionID: "kiosk-8", completing: nil)
        }
        #expect(try await store.repository.attempt(id: "nobody-1") == nil)
    }
}
