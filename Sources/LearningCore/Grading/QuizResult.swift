import Foundation
/// The graded outcome of one quiz attempt.
public struct QuizResult: Sendable, Hashable, Codable {
    /// Per question, in the order asked.
    public var questions: [QuestionResult]
    public var passMark: Int

    public init(questions: [QuestionResult], passMark: Int) {
        self.questions = questions
        self.passMark = passMark
    }

    /// Points earned, exact.
    public var earned: Credit { questions.reduce(Credit.zero) { $0 + $1.credit } }
    /// One point per question asked.
    public var possible: Int { questions.count }
    /// Whole percent, rounded down (display; the pass decision uses `passed`).
    public var percent: Int { earned.percent(of: possible) }
    /// Whether the score reaches the pass mark, decided exactly.
    public var passed: Bool { possible > 0 && earned.reaches(percent: passMark, of: possible) }
    public var correctCount: Int { questions.filter(\.isCorrect).count }
}
