public import Foundation
import GRDB
public import LearningCore

extension AppDatabase {
    public func personalData(learnerID: Int64) async throws -> PersonalData {
        try await writer.read { db in
            guard let learner = try LearnerRecord.fetchOne(db, key: learnerID) else {
                throw ProgressError(.unknownLearner, String(learnerID))
            }
            let byLearner = Column("learnerId") == learnerID
            return PersonalData(
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
