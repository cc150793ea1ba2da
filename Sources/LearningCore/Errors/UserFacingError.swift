/// An error a person can act on: a message key of `Content/strings/<locale>.yaml` and the values it names.
/// The CLI prints it worded; the web front maps it to a status. Nothing else reaches a person.
public protocol UserFacingError: Error, Sendable {
    /// The key of the message in the strings file (`errors.unknown-unit`).
    var messageKey: String { get }
    /// The values the message names, in order (`{0}`, `{1}` …).
    var messageArguments: [String] { get }
}

extension Localizer {
    /// The error worded for a person.
    public func text(_ error: any UserFacingError) -> String {
        text(error.messageKey, error.messageArguments)
    }
}

extension ProgressError: UserFacingError {
    public var messageKey: String { "errors.\(kind.rawValue)" }
    public var messageArguments: [String] { [detail] }
}

extension QuizAttemptError: UserFacingError {
    public var messageKey: String {
        switch self {
        case .noAttemptsLeft: "errors.quiz.no-attempts-left"
        case .emptyQuiz: "errors.quiz.empty"
        case .alreadySubmitted: "errors.quiz.already-submitted"
        case .unknownQuestion: "errors.quiz.unknown-question"
        case .unknownChoice: "errors.quiz.unknown-choice"
        case .tooManyChoices: "errors.quiz.too-many-choices"
        case .wrongResponseKind: "errors.quiz.wrong-response-kind"
        }
    }

    public var messageArguments: [String] {
        switch self {
        case .noAttemptsLeft(let allowed): [String(allowed)]
        case .emptyQuiz, .alreadySubmitted: []
        case .unknownQuestion(let id), .unknownChoice(let id), .tooManyChoices(let id), .wrongResponseKind(let id):
            [id]
        }
    }
}
