public import Hummingbird
public import LearningCore

/// `GET /api/v1/courses/{courseId}`: a course with its lessons and quizzes listed. Never an answer key: quizzes
/// are described by their settings and question counts only.
public struct CourseDetailJSON: ResponseCodable, Sendable, Equatable {
    /// A lesson in reading order.
    public struct LessonJSON: Codable, Sendable, Equatable {
        public var id: String
        public var number: Int
        public var title: String
        public var estimatedMinutes: Int
        public var isRequired: Bool
        /// The lesson's own check, if any.
        public var check: QuizJSON?
    }

    /// A quiz as announced before it starts.
    public struct QuizJSON: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        /// Questions in one attempt.
        public var questionCount: Int
        public var passMark: Int
        public var timeLimitSeconds: Int?
        public var attemptsAllowed: Int?

        init(_ quiz: Quiz) {
            id = quiz.id
            title = quiz.title
            questionCount = quiz.questionsPerAttempt
            passMark = quiz.settings.passMark
            timeLimitSeconds = quiz.settings.timeLimitSeconds
            attemptsAllowed = quiz.settings.attemptsAllowed
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var level: String
    public var audience: [String]
    /// The campaign's contents (1–7) the course counts towards.
    public var contents: [Int]
    public var estimatedMinutes: Int
    public var passMark: Int
    public var version: Int
    public var language: String
    /// The introduction, rendered to safe HTML.
    public var introductionHTML: String
    public var lessons: [LessonJSON]
    public var finalQuiz: QuizJSON?

    public init(_ course: Course) {
        id = course.id
        title = course.title
        summary = course.summary
        level = course.level.rawValue
        audience = course.audience.map(\.rawValue)
        contents = course.contents.map(\.rawValue)
        estimatedMinutes = course.estimatedMinutes
        passMark = course.passMark
        version = course.version
        language = course.language
        introductionHTML = course.introductionHTML
        lessons = course.lessons.map { lesson in
            LessonJSON(id: lesson.id, number: lesson.number, title: lesson.title,
                       estimatedMinutes: lesson.estimatedMinutes, isRequired: lesson.isRequired,
                       check: lesson.check.map(QuizJSON.init))
        }
        finalQuiz = course.finalQuiz.map(QuizJSON.init)
    }
}
