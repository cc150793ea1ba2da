public import Foundation
public import Hummingbird
import LearningCore

/// `POST /api/v1/attempts`: which quiz to start (or to continue, when one is open).
public struct AttemptRequestJSON: Codable, Sendable {
    public var courseId: String
    public var quizId: String
}

/// A quiz attempt as its learner may see it: never an answer key; `feedback` only when the quiz's rule
/// allows (after each question, or after submission).
public struct AttemptJSON: ResponseCodable, Sendable, Equatable {
    public struct ChoiceJSON: Codable, Sendable, Equatable {
        public var id: String
        public var text: String
    }
    public struct FeedbackJSON: Codable, Sendable, Equatable {
        public var isCorrect: Bool
        public var rightChoiceIds: [String]
        public var rightAnswer: String?
        public var explanation: String?
    }
    public struct QuestionJSON: Codable, Sendable, Equatable {
        public var id: String
        public var number: Int
        /// `single`, `multiple`, `true-false`, `text` or `number`.
        public var kind: String
        public var prompt: String
        public var promptHtml: String
        /// For choice kinds, in this attempt's order.
        public var choices: [ChoiceJSON]?
        /// The answer given so far.
        public var response: ResponseJSON?
        public var feedback: FeedbackJSON?
    }
    public struct ResultJSON: Codable, Sendable, Equatable {
        public var percent: Int
        public var passed: Bool
        public var correctCount: Int
        public var questionCount: Int
        public var submittedAt: Date
        public var showsAnswers: Bool
        public var completion: CompletionJSON?
    }

    public var attemptId: String
    public var courseId: String
    public var quizId: String
    public var title: String
    public var isFinalQuiz: Bool
    public var passMark: Int
    public var startedAt: Date
    public var deadline: Date?
    public var questions: [QuestionJSON]
    public var result: ResultJSON?

    init(_ view: AttemptView) {
        attemptId = view.attemptID
        courseId = view.courseID
        quizId = view.quizID
        title = view.quizTitle
        isFinalQuiz = view.isFinalQuiz
        passMark = view.passMark
        startedAt = view.startedAt
        deadline = view.deadline
        questions = view.questions.map { question in
            QuestionJSON(
                id: question.id, number: question.number, kind: question.kind.rawValue, prompt: question.promptText,
                promptHtml: question.promptHTML,
                choices: question.choices.isEmpty ? nil : question.choices.map { ChoiceJSON(id: $0.id, text: $0.text) },
                response: question.response.map(ResponseJSON.init),
                feedback: question.feedback.map {
                    FeedbackJSON(isCorrect: $0.isCorrect, rightChoiceIds: $0.rightChoiceIDs,
                                 rightAnswer: $0.rightAnswerText, explanation: $0.explanationText)
                })
        }
        result = view.result.map {
            ResultJSON(percent: $0.percent, passed: $0.passed, correctCount: $0.correctCount,
                       questionCount: $0.questionCount, submittedAt: $0.submittedAt, showsAnswers: $0.showsAnswers,
                       completion: $0.completion.map(CompletionJSON.init))
        }
    }
}

/// `PUT /api/v1/attempts/{attemptId}/answers/{questionId}`: `{"response": …}`.
public struct AnswerRequestJSON: Codable, Sendable {
    public var response: ResponseJSON
}

/// An answer as JSON: a choice id (`"b"`), a list of choice ids (`["a","c"]`), `true`/`false`, or text (numbers
/// as text, comma or point as the decimal mark; a JSON number is taken as its text).
public enum ResponseJSON: Codable, Sendable, Equatable {
    case text(String)
    case list([String])
    case bool(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(String.self) { self = .text(value) }
        else if let value = try? container.decode([String].self) { self = .list(value) }
        else if let value = try? container.decode(Decimal.self) { self = .text("\(value)") }
        else {
            throw DecodingError.typeMismatch(ResponseJSON.self, .init(codingPath: decoder.codingPath,
                                                                      debugDescription: "response"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .list(let list): try container.encode(list)
        case .bool(let value): try container.encode(value)
        }
    }

    init(_ response: LearningCore.Response) {
        switch response {
        case .choices(let ids): self = ids.count == 1 ? .text(ids.first!) : .list(ids.sorted())
        case .text(let text), .number(let text): self = .text(text)
        }
    }

    /// The use case's response for a question of `kind` with `choices`; nil when the shape does not fit.
    func response(kind: QuestionKind, choices: [LearnerChoiceView]) -> LearningCore.Response? {
        switch (kind, self) {
        case (.singleChoice, .text(let id)), (.trueFalse, .text(let id)): .choices([id])
        case (.multipleChoice, .text(let id)): .choices([id])
        case (.singleChoice, .list(let ids)), (.multipleChoice, .list(let ids)), (.trueFalse, .list(let ids)):
            .choices(Set(ids))
        case (.trueFalse, .bool(let value)):
            // Đúng/Sai choices are told apart by their text, whatever their ids.
            choices.first { TextNormalizer.comparisonKey($0.text) == (value ? "đúng" : "sai") }.map { .choices([$0.id]) }
        case (.shortText, .text(let text)): .text(text)
        case (.number, .text(let text)): .number(text)
        default: nil
        }
    }
}

/// `POST /api/v1/attempts/{attemptId}/submission`: the client's submission id.
public struct SubmissionRequestJSON: Codable, Sendable {
    public var submissionId: String
}

/// The graded submission: score, pass, and the completion with its code when one was earned.
public struct SubmissionJSON: ResponseCodable, Sendable, Equatable {
    public var attemptId: String
    public var percent: Int
    public var passed: Bool
    public var correctCount: Int
    public var questionCount: Int
    public var showsAnswers: Bool
    public var completion: CompletionJSON?
    /// Questions with feedback when `showsAnswers`.
    public var questions: [AttemptJSON.QuestionJSON]

    init?(_ view: AttemptView) {
        guard let result = view.result else { return nil }
        attemptId = view.attemptID
        percent = result.percent
        passed = result.passed
        correctCount = result.correctCount
        questionCount = result.questionCount
        showsAnswers = result.showsAnswers
        completion = result.completion.map(CompletionJSON.init)
        questions = AttemptJSON(view).questions
    }
}
