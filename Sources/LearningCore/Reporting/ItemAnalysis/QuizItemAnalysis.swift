/// The item analysis of one quiz (a course's final quiz or a lesson's check).
public struct QuizItemAnalysis: Sendable, Hashable, Codable {
    /// The quiz's id (`<course>/quiz`, `<course>/<lesson id>`).
    public var quizID: String
    /// The final quiz's title, or the title of the lesson a check belongs to.
    public var title: String
    /// Whether this is the course's final quiz (bài kiểm tra cuối khóa).
    public var isFinal: Bool
    /// Attempts analysed: each learner's first attempt at the quiz in the period.
    public var attempts: Int
    /// The pool's questions in the course's order, then questions the store holds answers to that the course no
    /// longer has; empty when the quiz had no attempt in the period (never a table of zeros).
    public var questions: [QuestionItemAnalysis]

    /// One quiz's analysis.
    public init(quizID: String, title: String, isFinal: Bool, attempts: Int, questions: [QuestionItemAnalysis]) {
        self.quizID = quizID
        self.title = title
        self.isFinal = isFinal
        self.attempts = attempts
        self.questions = questions
    }
}
