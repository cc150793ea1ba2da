import Foundation

/// A course as loaded from `Courses/<id>/`: its description, lessons in reading order and final quiz.
public struct Course: Sendable, Hashable, Identifiable {
    /// Stable id, the folder name (`ky-nang-so-co-ban`).
    public var id: String
    public var title: String
    public var summary: String
    /// Who the course is written for.
    public var audience: [LearnerCategory]
    /// Campaign contents (nội dung thi đua 1–7) the course serves.
    public var contents: [ContentArea]
    /// Component competences of Thông tư 02/2025/TT-BGDĐT it builds.
    public var competences: [CompetenceCode]
    public var level: ProficiencyLevel
    public var estimatedMinutes: Int
    /// Default pass mark in percent (0–100), used by quizzes that do not set their own.
    public var passMark: Int
    /// Bumped by authors when the text changes; attempts record the version they were taken against.
    public var version: Int
    /// BCP 47 language tag, `vi` for every bundled course.
    public var language: String
    /// The introduction, rendered to safe HTML.
    public var introductionHTML: String
    /// The introduction as Markdown source (for the terminal front).
    public var introductionMarkdown: String
    public var lessons: [Lesson]
    /// The final quiz (bài kiểm tra cuối khóa), if the course has one.
    public var finalQuiz: Quiz?

    public init(
        id: String, title: String, summary: String, audience: [LearnerCategory], contents: [ContentArea],
        competences: [CompetenceCode], level: ProficiencyLevel, estimatedMinutes: Int, passMark: Int,
        version: Int, language: String, introductionHTML: String, introductionMarkdown: String,
        lessons: [Lesson], finalQuiz: Quiz?
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.audience = audience
        self.contents = contents
        self.competences = competences
        self.level = level
        self.estimatedMinutes = estimatedMinutes
        self.passMark = passMark
        self.version = version
        self.language = language
        self.introductionHTML = introductionHTML
        self.introductionMarkdown = introductionMarkdown
        self.lessons = lessons
        self.finalQuiz = finalQuiz
    }

    /// Every quiz of the course: lesson checks in reading order, then the final quiz.
    public var quizzes: [Quiz] {
        lessons.compactMap(\.check) + (finalQuiz.map { [$0] } ?? [])
    }

    /// Number of questions across all quizzes (pools counted whole).
    public var questionCount: Int {
        quizzes.reduce(0) { $0 + $1.questions.count }
    }
}
