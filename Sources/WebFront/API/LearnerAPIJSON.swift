public import Foundation
public import Hummingbird
import LearningCore

/// `GET /api/v1/units`: the units a learner may pick.
public struct UnitListJSON: ResponseCodable, Sendable, Equatable {
    public struct UnitJSON: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: String
    }
    public var units: [UnitJSON]

    init(_ units: [CommuneUnit]) {
        self.units = units.map { UnitJSON(id: $0.id, name: $0.name, kind: $0.kind.rawValue) }
    }
}

/// `POST /api/v1/session`: unit, name and PIN.
public struct SessionRequestJSON: Codable, Sendable {
    public var unitId: String
    public var name: String
    public var pin: String
}

/// `POST /api/v1/learners`: a registration with its consent, given by the person's act in the client.
public struct RegistrationJSON: Codable, Sendable {
    /// The consent, per purpose.
    public struct ConsentJSON: Codable, Sendable {
        /// Keeping learning progress: required.
        public var learning: Bool
        /// Being named in reports and award proposals: optional.
        public var reporting: Bool?
    }
    public var unitId: String
    public var name: String
    /// `nguoi-dan`, `can-bo`, `nguoi-lao-dong`, `dang-vien` or `doanh-nghiep`.
    public var category: String
    public var phone: String?
    public var pin: String
    public var consent: ConsentJSON
}

/// The answer to signing in or registering: the bearer token and who it is for.
public struct SessionJSON: ResponseCodable, Sendable, Equatable {
    public struct LearnerJSON: Codable, Sendable, Equatable {
        public var name: String
        public var unitId: String
    }
    /// Send as `Authorization: Bearer <token>`.
    public var token: String
    /// The session ends after this many seconds without a request.
    public var idleTimeoutSeconds: Int
    public var learner: LearnerJSON
}

/// `GET /api/v1/me/progress`: the learner's courses and completions.
public struct ProgressJSON: ResponseCodable, Sendable, Equatable {
    public struct CourseJSON: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        /// `notStarted`, `inProgress`, `finalQuizPassed` or `completed`.
        public var state: String
        public var lessonsCompleted: Int?
        public var lessonsTotal: Int
        public var percent: Int?
        public var verificationCode: String?
    }
    public var learner: SessionJSON.LearnerJSON
    public var courses: [CourseJSON]
    public var completions: [CompletionJSON]
}

/// A course completion with its verification code.
public struct CompletionJSON: Codable, Sendable, Equatable {
    public var courseId: String
    public var completedAt: Date
    public var percent: Int?
    public var verificationCode: String

    init(_ completion: CourseCompletion) {
        courseId = completion.courseID
        completedAt = completion.completedAt
        percent = completion.percent
        verificationCode = completion.verificationCode
    }
}

/// `GET /api/v1/certificates/{code}`: name, course and date only.
public struct CertificateJSON: ResponseCodable, Sendable, Equatable {
    /// Absent when the learner's data was deleted since.
    public var learnerName: String?
    public var courseTitle: String
    public var completedAt: Date
    public var verificationCode: String

    init(_ certificate: PublicCertificate) {
        learnerName = certificate.learnerName
        courseTitle = certificate.courseTitle
        completedAt = certificate.completedAt
        verificationCode = certificate.verificationCode
    }
}

/// `GET /api/v1/courses/{courseId}/lessons/{lessonId}`: a lesson rendered to safe HTML.
public struct LessonJSON: ResponseCodable, Sendable, Equatable {
    public var courseId: String
    public var id: String
    public var number: Int
    public var title: String
    public var estimatedMinutes: Int
    public var bodyHtml: String
    public var previousLessonId: String?
    public var nextLessonId: String?
    public var check: CourseDetailJSON.QuizJSON?
    /// Whether the visit was recorded (signed in, with learning consent).
    public var recorded: Bool

    init(_ view: LessonView) {
        courseId = view.course.id
        id = view.lesson.id
        number = view.lesson.number
        title = view.lesson.title
        estimatedMinutes = view.lesson.estimatedMinutes
        bodyHtml = view.lesson.bodyHTML
        previousLessonId = view.previousLessonID
        nextLessonId = view.nextLessonID
        check = view.check.map(CourseDetailJSON.QuizJSON.init)
        recorded = view.isRecorded
    }
}

/// `POST /api/v1/courses/{courseId}/lessons/{lessonId}/completion`: the lesson recorded as read.
public struct LessonCompletionJSON: ResponseCodable, Sendable, Equatable {
    public var courseId: String
    public var lessonId: String
    /// Set when reading this lesson completed the course.
    public var completion: CompletionJSON?
}
