import Foundation
import GRDB
import LearningCore

/// Everything the store holds about one person, for their right to see their data.
public struct LearnerData: Codable, Sendable {
    public struct Consent: Codable, Sendable {
        public var purpose: String
        public var noticeVersion: String
        public var given: Bool
        public var at: Date
    }

    public struct LessonRecord: Codable, Sendable {
        public var courseId: String
        public var lessonId: String
        public var visits: Int
        public var completedAt: Date?
    }

    public struct Attempt: Codable, Sendable {
        public var id: String
        public var courseId: String
        public var quizId: String
        public var submittedAt: Date
        public var percent: Int
        public var passed: Bool
    }

    public struct Completion: Codable, Sendable {
        public var courseId: String
        public var completedAt: Date
        public var percent: Int?
        public var verificationCode: String
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
}

extension AppDatabase {
    public func export(learnerID: Int64) async throws -> LearnerData {
        try await writer.read { db in
            guard let learner = try LearnerRecord.fetchOne(db, key: learnerID) else {
                throw ProgressError(.unknownLearner, String(learnerID))
            }
            let byLearner = Column("learnerId") == learnerID
            return LearnerData(
                id: learnerID, displayName: learner.displayName, unitId: learner.unitId, category: learner.category,
                phone: learner.phone, hasPIN: learner.pinHash != nil, createdAt: learner.createdAt,
                anonymisedAt: learner.anonymisedAt,
                consents: try ConsentEventRecord.filter(byLearner).order(Column("id")).fetchAll(db).map {
                    .init(purpose: $0.purpose, noticeVersion: $0.noticeVersion, given: $0.given, at: $0.at)
                },
                lessons: try LessonProgressRow.filter(byLearner).fetchAll(db).map {
                    .init(courseId: $0.courseId, lessonId: $0.lessonId, visits: $0.visits, completedAt: $0.completedAt)
                },
                attempts: try AttemptRow.filter(byLearner).order(Column("submittedAt")).fetchAll(db).map {
                    .init(id: $0.id, courseId: $0.courseId, quizId: $0.quizId, submittedAt: $0.submittedAt,
                          percent: $0.percent, passed: $0.passed)
                },
                completions: try CourseCompletionRow.filter(byLearner).fetchAll(db).map {
                    .init(courseId: $0.courseId, completedAt: $0.completedAt, percent: $0.percent,
                          verificationCode: $0.verificationCode)
                })
        }
    }
}
