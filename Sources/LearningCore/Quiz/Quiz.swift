import Foundation
/// A quiz: a lesson's check or a course's final quiz, with its pool of questions and its rules.
public struct Quiz: Sendable, Hashable, Identifiable {
    /// Stable id: `<course>/<lesson id>` for a lesson check, `<course>/quiz` for the final quiz.
    public var id: String
    public var title: String
    public var settings: QuizSettings
    /// The pool; an attempt draws `settings.drawCount` of them (all when nil).
    public var questions: [Question]

    public init(id: String, title: String, settings: QuizSettings, questions: [Question]) {
        self.id = id
        self.title = title
        self.settings = settings
        self.questions = questions
    }

    /// The question with that id, if in the pool.
    public func question(id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// How many questions an attempt asks.
    public var questionsPerAttempt: Int {
        min(settings.drawCount ?? questions.count, questions.count)
    }
}
