import Foundation

/// Why an event was refused.
public enum QuizAttemptError: Error, Sendable, Hashable {
    case noAttemptsLeft(allowed: Int)
    case emptyQuiz
    case alreadySubmitted
    case unknownQuestion(String)
    case unknownChoice(String)
    case tooManyChoices(String)
    case wrongResponseKind(String)
}
