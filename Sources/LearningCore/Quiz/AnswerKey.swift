import Foundation

/// What a question accepts as right. Never sent to a learner before the attempt is submitted.
public enum AnswerKey: Sendable, Hashable {
    /// Exactly one right choice.
    case singleChoice([Choice])
    /// One or more right choices; `partialCredit` nil follows the quiz's setting.
    case multipleChoice([Choice], partialCredit: Bool?)
    /// Two choices, Đúng and Sai, one of them right.
    case trueFalse([Choice])
    case shortText(TextAnswerKey)
    case number(NumberAnswerKey)

    public var kind: QuestionKind {
        switch self {
        case .singleChoice: .singleChoice
        case .multipleChoice: .multipleChoice
        case .trueFalse: .trueFalse
        case .shortText: .shortText
        case .number: .number
        }
    }

    /// The choices offered, empty for text and number questions.
    public var choices: [Choice] {
        switch self {
        case .singleChoice(let c), .multipleChoice(let c, _), .trueFalse(let c): c
        case .shortText, .number: []
        }
    }
}

/// One choice of a choice question.
public struct Choice: Sendable, Hashable, Identifiable {
    /// Stable within its question: `a`, `b`, `c` … in the order written.
    public var id: String
    public var textHTML: String
    public var text: String
    public var isCorrect: Bool
    /// Feedback for a learner who picks this choice, rendered to safe HTML.
    public var feedbackHTML: String?
    public var feedbackText: String?

    public init(
        id: String, textHTML: String, text: String, isCorrect: Bool,
        feedbackHTML: String? = nil, feedbackText: String? = nil
    ) {
        self.id = id
        self.textHTML = textHTML
        self.text = text
        self.isCorrect = isCorrect
        self.feedbackHTML = feedbackHTML
        self.feedbackText = feedbackText
    }
}

/// Accepted answers of a short-text question.
public struct TextAnswerKey: Sendable, Hashable {
    /// Accepted spellings, NFC.
    public var accepted: [String]
    /// Whether an answer typed without diacritics also counts ("ma" and "má" differ, so off by default).
    public var ignoresDiacritics: Bool

    public init(accepted: [String], ignoresDiacritics: Bool = false) {
        self.accepted = accepted
        self.ignoresDiacritics = ignoresDiacritics
    }
}

/// The right value of a number question, exact in decimal.
public struct NumberAnswerKey: Sendable, Hashable {
    public var value: Decimal
    /// Largest accepted distance from `value`, inclusive; zero for exact.
    public var tolerance: Decimal

    public init(value: Decimal, tolerance: Decimal = 0) {
        self.value = value
        self.tolerance = tolerance
    }
}
