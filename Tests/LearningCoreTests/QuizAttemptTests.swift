import Foundation
import LearningCore
import Testing
import TestSupport

@Suite("The quiz attempt state machine")
struct QuizAttemptTests {
    let clock = TestClock()

    private func pool(_ count: Int) -> [Question] {
        (0..<count).map { QuestionBuilder.single("q\($0)", choices: ["A", "B", "C", "D"], right: $0 % 4) }
    }

    @Test func goesFromStartedThroughAnsweringToGraded() throws {
        let quiz = QuestionBuilder.quiz(pool(5))
        var attempt = try QuizAttempt.start(quiz: quiz, id: "a1", seed: 1, at: clock.now())
        #expect(attempt.state == .started)
        #expect(attempt.questionIDs == ["q0", "q1", "q2", "q3", "q4"], "no shuffle keeps the author's order")

        let action = try attempt.answer(.choices(["a"]), to: "q0", at: clock.now())
        #expect(action == .saveDraft(questionID: "q0", response: .choices(["a"])))
        #expect(attempt.state == .answering)
        for (index, id) in ["q1", "q2", "q3"].enumerated() {
            _ = try attempt.answer(.choices([QuestionBuilder.letter(index + 1)]), to: id, at: clock.now())
        }
        guard case .recordResult(let result) = attempt.submit(at: clock.now()) else {
            Issue.record("submitting must record the result")
            return
        }
        #expect(result.correctCount == 4)
        #expect(result.passed, "4 of 5 at 80 passes")
        #expect(attempt.result == result)
    }

    @Test func sameSeedSameDrawAndOrder() throws {
        let settings = QuizSettings(passMark: 80, shuffleQuestions: true, shuffleChoices: true, drawCount: 5)
        let quiz = QuestionBuilder.quiz(pool(15), settings: settings)
        let first = try QuizAttempt.start(quiz: quiz, id: "a", seed: 42, at: clock.now())
        let again = try QuizAttempt.start(quiz: quiz, id: "a", seed: 42, at: clock.now())
        #expect(first.questionIDs == again.questionIDs)
        #expect(first.choiceOrder == again.choiceOrder)
        #expect(first.questionIDs.count == 5)
        #expect(Set(first.questionIDs).count == 5)
        let orders = Set((0..<20).map { seed in
            (try? QuizAttempt.start(quiz: quiz, id: "a", seed: UInt64(seed), at: clock.now()).questionIDs) ?? []
        })
        #expect(orders.count > 1, "other seeds draw other questions")
    }

    @Test func drawWithoutShuffleKeepsAuthorsOrder() throws {
        let settings = QuizSettings(passMark: 80, drawCount: 4)
        let quiz = QuestionBuilder.quiz(pool(10), settings: settings)
        let attempt = try QuizAttempt.start(quiz: quiz, id: "a", seed: 7, at: clock.now())
        let positions = attempt.questionIDs.map { Int($0.dropFirst())! }
        #expect(positions == positions.sorted())
        #expect(positions.count == 4)
    }

    @Test func trueFalseChoicesAreNeverShuffled() throws {
        let settings = QuizSettings(passMark: 80, shuffleChoices: true)
        let quiz = QuestionBuilder.quiz([QuestionBuilder.trueFalse("tf", isTrue: true)], settings: settings)
        for seed in 0..<10 {
            let attempt = try QuizAttempt.start(quiz: quiz, id: "a", seed: UInt64(seed), at: clock.now())
            #expect(attempt.choiceOrder["tf"] == ["a", "b"])
        }
    }

    @Test func attemptsAllowedIsEnforced() {
        let quiz = QuestionBuilder.quiz(pool(2), settings: QuizSettings(passMark: 50, attemptsAllowed: 2))
        #expect(throws: QuizAttemptError.noAttemptsLeft(allowed: 2)) {
            try QuizAttempt.start(quiz: quiz, id: "a", seed: 1, at: clock.now(), previousAttempts: 2)
        }
        #expect(throws: Never.self) {
            try QuizAttempt.start(quiz: quiz, id: "a", seed: 1, at: clock.now(), previousAttempts: 1)
        }
    }

    @Test func feedbackAfterEachQuestionGradesAtOnce() throws {
        let quiz = QuestionBuilder.quiz(pool(2), settings: QuizSettings(passMark: 50, feedback: .afterEachQuestion))
        var attempt = try QuizAttempt.start(quiz: quiz, id: "a", seed: 1, at: clock.now())
        let action = try attempt.answer(.choices(["a"]), to: "q0", at: clock.now())
        guard case .saveDraftAndShowFeedback(_, _, let result) = action else {
            Issue.record("expected feedback, got \(action)")
            return
        }
        #expect(result.isCorrect)
    }

    @Test func pastTheTimeLimitTheAttemptIsSubmittedWithWhatItHas() throws {
        let quiz = QuestionBuilder.quiz(pool(2), settings: QuizSettings(passMark: 50, timeLimitSeconds: 600))
        var attempt = try QuizAttempt.start(quiz: quiz, id: "a", seed: 1, at: clock.now())
        _ = try attempt.answer(.choices(["a"]), to: "q0", at: clock.now())
        clock.advance(seconds: 601)
        #expect(!attempt.isOpen(at: clock.now()))
        let action = try attempt.answer(.choices(["b"]), to: "q1", at: clock.now())
        guard case .recordResult(let result) = action else {
            Issue.record("a late answer must submit the attempt")
            return
        }
        #expect(result.correctCount == 1, "the late answer is not counted")
        #expect(result.passed, "1 of 2 at 50 passes")
    }

    @Test func refusesAnswersAfterSubmissionAndUnknownChoices() throws {
        let quiz = QuestionBuilder.quiz(pool(2))
        var attempt = try QuizAttempt.start(quiz: quiz, id: "a", seed: 1, at: clock.now())
        #expect(throws: QuizAttemptError.unknownChoice("q0")) {
            try attempt.answer(.choices(["z"]), to: "q0", at: clock.now())
        }
        #expect(throws: QuizAttemptError.tooManyChoices("q0")) {
            try attempt.answer(.choices(["a", "b"]), to: "q0", at: clock.now())
        }
        #expect(throws: QuizAttemptError.unknownQuestion("nope")) {
            try attempt.answer(.choices(["a"]), to: "nope", at: clock.now())
        }
        #expect(throws: QuizAttemptError.wrongResponseKind("q0")) {
            try attempt.answer(.text("A"), to: "q0", at: clock.now())
        }
        let first = attempt.submit(at: clock.now())
        #expect(attempt.submit(at: clock.now()) == first, "submitting twice gives the first result")
        #expect(throws: QuizAttemptError.alreadySubmitted) {
            try attempt.answer(.choices(["a"]), to: "q0", at: clock.now())
        }
    }

    @Test func resumesFromDraftsWithTheSameOrder() throws {
        let settings = QuizSettings(passMark: 80, shuffleQuestions: true, shuffleChoices: true, drawCount: 3)
        let quiz = QuestionBuilder.quiz(pool(8), settings: settings)
        var attempt = try QuizAttempt.start(quiz: quiz, id: "a", seed: 99, at: clock.now())
        let firstID = attempt.questionIDs[0]
        _ = try attempt.answer(.choices(["a"]), to: firstID, at: clock.now())
        let resumed = try QuizAttempt.resume(
            quiz: quiz, id: "a", seed: 99, startedAt: attempt.startedAt, drafts: attempt.responses)
        #expect(resumed.questionIDs == attempt.questionIDs)
        #expect(resumed.choiceOrder == attempt.choiceOrder)
        #expect(resumed.responses == attempt.responses)
        #expect(resumed.state == .answering)
    }

    @Test func anEmptyQuizCannotStart() {
        #expect(throws: QuizAttemptError.emptyQuiz) {
            try QuizAttempt.start(quiz: QuestionBuilder.quiz([]), id: "a", seed: 1, at: clock.now())
        }
    }
}
