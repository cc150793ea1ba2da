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

