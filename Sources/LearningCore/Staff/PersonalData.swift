public import Foundation

/// Everything the store holds about one person, for their right to see their data.
public struct PersonalData: Codable, Sendable, Hashable {
    /// One consent given or withdrawn.
    public struct Consent: Codable, Sendable, Hashable {
        public var purpose: String
        public var noticeVersion: String
        public var given: Bool
        public var at: Date

        public init(purpose: String, noticeVersion: String, given: Bool, at: Date) {
            self.purpose = purpose
            self.noticeVersion = noticeVersion
            self.given = given
            self.at = at
        }
    }

    /// Where the person stands in one lesson.
    public struct LessonRecord: Codable, Sendable, Hashable {
        public var courseId: String
        public var lessonId: String
        public var visits: Int
        public var completedAt: Date?

        public init(courseId: String, lessonId: String, visits: Int, completedAt: Date?) {
            self.courseId = courseId
            self.lessonId = lessonId
            self.visits = visits
            self.completedAt = completedAt
        }
    }

    /// One submitted attempt.
    public struct Attempt: Codable, Sendable, Hashable {
        public var id: String
        public var courseId: String
        public var quizId: String
        public var submittedAt: Date
        public var percent: Int
        public var passed: Bool

        public init(id: String, courseId: String, quizId: String, submittedAt: Date, percent: Int, passed: Bool) {
            self.id = id
            self.courseId = courseId
            self.quizId = quizId
            self.submittedAt = submittedAt
            self.percent = percent
            self.passed = passed
        }
    }

    /// One completed course.
    public struct Completion: Codable, Sendable, Hashable {
        public var courseId: String
        public var completedAt: Date
        public var percent: Int?
        public var verificationCode: String

        public init(courseId: String, completedAt: Date, percent: Int?, verificationCode: String) {
            self.courseId = courseId
            self.completedAt = completedAt
            self.percent = percent
            self.verificationCode = verificationCode
        }
    }

    public var id: Int64
    public var displayName: String?
    public var unitId: String
    public var category: String
    public var phone: String?
    /// Whether a PIN is set; the PIN itself is never stored, only a hash, which is not shown.
    public var hasPIN: Bool
    public var createdAt: Date
    public var anonymisedAt: Date?
    public var consents: [Consent]
    public var lessons: [LessonRecord]
    public var attempts: [Attempt]
    public var completions: [Completion]

    public init(id: Int64, displayName: String?, unitId: String, category: String, phone: String?, hasPIN: Bool,
                createdAt: Date, anonymisedAt: Date?, consents: [Consent], lessons: [LessonRecord],
                attempts: [Attempt], completions: [Completion]) {
        self.id = id
        self.displayName = displayName
        self.unitId = unitId
        self.category = category
        self.phone = phone
        self.hasPIN = hasPIN
        self.createdAt = createdAt
        self.anonymisedAt = anonymisedAt
        self.consents = consents
        self.lessons = lessons
        self.attempts = attempts
        self.completions = completions
    }
}
