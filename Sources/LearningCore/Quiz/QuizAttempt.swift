public import Foundation

/// One learner's attempt at one quiz, as a pure state machine: started → answering → submitted → graded.
/// Each event returns an `Action` that the caller carries out (save a draft, show feedback, store the result);
/// the attempt itself does no I/O and reads no clock.
public struct QuizAttempt: Sendable, Hashable {
    /// Where the attempt stands.
    public enum State: Sendable, Hashable {
        case started
        case answering
        case submitted
        case graded(QuizResult)
    }

    /// What the caller must do after an event.
    public enum Action: Sendable, Hashable {
        /// Store the in-progress answer, so a refresh or power cut resumes here.
        case saveDraft(questionID: String, response: Response)
        /// Store the draft and show this result now (feedback after each question).
        case saveDraftAndShowFeedback(questionID: String, response: Response, result: QuestionResult)
        /// Store the graded attempt, whole, once; drafts go with it.
        case recordResult(QuizResult)
    }

    /// Client-made id: the same id submitted twice is one attempt.
    public let id: String
    public let quiz: Quiz
    /// Seed of this attempt's draw and shuffles.
    public let seed: UInt64
    public let startedAt: Date
    /// Questions asked, in the order shown.
    public let questionIDs: [String]
    /// Choice order per question, as shown.
    public let choiceOrder: [String: [String]]
    public private(set) var responses: [String: Response]
    public private(set) var state: State
    public private(set) var submittedAt: Date?

    /// Starts an attempt: draws and shuffles with `seed`. Fails when no attempt is left or the pool is empty.
    public static func start(
        quiz: Quiz, id: String, seed: UInt64, at now: Date, previousAttempts: Int = 0
    ) throws(QuizAttemptError) -> QuizAttempt {
        if let allowed = quiz.settings.attemptsAllowed, previousAttempts >= allowed {
            throw .noAttemptsLeft(allowed: allowed)
        }
        guard !quiz.questions.isEmpty else { throw .emptyQuiz }
        var random = SplitMix64(seed: seed)
        var pool = quiz.questions
        if quiz.settings.shuffleQuestions || quiz.settings.drawCount != nil {
            pool.shuffle(using: &random)
        }
        var asked = Array(pool.prefix(quiz.questionsPerAttempt))
        if !quiz.settings.shuffleQuestions {
            // A draw without shuffling keeps the author's order among the drawn questions.
            let position = Dictionary(uniqueKeysWithValues: quiz.questions.enumerated().map { ($1.id, $0) })
            asked.sort { position[$0.id]! < position[$1.id]! }
        }
        var order: [String: [String]] = [:]
        for question in asked {
            var ids = question.answerKey.choices.map(\.id)
            if quiz.settings.shuffleChoices, question.kind != .trueFalse { ids.shuffle(using: &random) }
            order[question.id] = ids
        }
        return QuizAttempt(
            id: id, quiz: quiz, seed: seed, startedAt: now, questionIDs: asked.map(\.id),
            choiceOrder: order, responses: [:], state: .started, submittedAt: nil)
    }

    /// Rebuilds an attempt in progress from its saved drafts (after a refresh, a walk-away or a power cut).
    public static func resume(
        quiz: Quiz, id: String, seed: UInt64, startedAt: Date, drafts: [String: Response]
    ) throws(QuizAttemptError) -> QuizAttempt {
        var attempt = try start(quiz: quiz, id: id, seed: seed, at: startedAt)
        for (questionID, response) in drafts where attempt.questionIDs.contains(questionID) {
            attempt.responses[questionID] = response
        }
        if !attempt.responses.isEmpty { attempt.state = .answering }
        return attempt
    }

    /// The questions asked, in the order shown.
    public var questions: [Question] {
        questionIDs.compactMap { quiz.question(id: $0) }
    }

    /// When the time limit runs out, if the quiz has one.
    public var deadline: Date? {
        quiz.settings.timeLimitSeconds.map { startedAt.addingTimeInterval(TimeInterval($0)) }
    }

    /// Whether the attempt can still take answers at `now`.
    public func isOpen(at now: Date) -> Bool {
        switch state {
        case .started, .answering: deadline.map { now <= $0 } ?? true
        case .submitted, .graded: false
        }
    }

    /// Records an answer. Past the time limit the attempt is submitted with what it has.
    public mutating func answer(
        _ response: Response, to questionID: String, at now: Date
    ) throws(QuizAttemptError) -> Action {
        switch state {
        case .submitted, .graded: throw .alreadySubmitted
        case .started, .answering: break
        }
        guard questionIDs.contains(questionID), let question = quiz.question(id: questionID) else {
            throw .unknownQuestion(questionID)
        }
        if let deadline, now > deadline {
            return submit(at: now)
        }
        try Self.check(response, fits: question)
        responses[questionID] = response
        state = .answering
        if quiz.settings.feedback == .afterEachQuestion {
            let credit = Grader.credit(
                for: response, to: question, partialCreditDefault: quiz.settings.partialCredit)
            let result = QuestionResult(
                questionID: questionID, contentHash: question.contentHash, response: response, credit: credit)
            return .saveDraftAndShowFeedback(questionID: questionID, response: response, result: result)
        }
        return .saveDraft(questionID: questionID, response: response)
    }

    /// Submits and grades. Unanswered questions earn nothing. Submitting twice returns the same result.
    public mutating func submit(at now: Date) -> Action {
        if case .graded(let result) = state { return .recordResult(result) }
        state = .submitted
        submittedAt = now
        let result = Grader.grade(questions: questions, responses: responses, settings: quiz.settings)
        state = .graded(result)
        return .recordResult(result)
    }

    /// The graded result, once submitted.
    public var result: QuizResult? {
        if case .graded(let result) = state { return result }
        return nil
    }

    /// Refuses a response of the wrong shape or naming a choice the question does not have.
    private static func check(_ response: Response, fits question: Question) throws(QuizAttemptError) {
        switch (question.answerKey, response) {
        case (.singleChoice(let choices), .choices(let picked)), (.trueFalse(let choices), .choices(let picked)):
            guard picked.count <= 1 else { throw .tooManyChoices(question.id) }
            guard picked.isSubset(of: Set(choices.map(\.id))) else { throw .unknownChoice(question.id) }
        case (.multipleChoice(let choices, _), .choices(let picked)):
            guard picked.isSubset(of: Set(choices.map(\.id))) else { throw .unknownChoice(question.id) }
        case (.shortText, .text), (.number, .number), (.number, .text):
            break
        default:
            throw .wrongResponseKind(question.id)
        }
    }
}

