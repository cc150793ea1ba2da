public import Foundation
import GRDB
public import LearningCore

extension AppDatabase {
    public func recordLessonVisit(learnerID: Int64, courseID: String, lessonID: String, at date: Date) async throws {
        _ = try await recordLessonEvent(LessonEventRecord.visit, learnerID: learnerID, courseID: courseID,
                                        lessonID: lessonID, at: date, completing: nil)
    }

    public func recordLessonCompletion(
        learnerID: Int64, courseID: String, lessonID: String, at date: Date, completing: CompletionRequirement?
    ) async throws -> CourseCompletion? {
        try await recordLessonEvent(LessonEventRecord.complete, learnerID: learnerID, courseID: courseID,
                                    lessonID: lessonID, at: date, completing: completing)
    }

    /// The event, and in the same transaction the summaries it changes and the completion it earns.
    private func recordLessonEvent(
        _ kind: String, learnerID: Int64, courseID: String, lessonID: String, at date: Date,
        completing: CompletionRequirement?
    ) async throws -> CourseCompletion? {
        let calendar = calendar
        return try await writer.write { db in
            guard let placement = try Rollups.placement(learnerID: learnerID, db) else {
                throw ProgressError(.unknownLearner, String(learnerID))
            }
            var event = LessonEventRecord(
                id: nil, learnerId: learnerID, courseId: courseID, lessonId: lessonID, kind: kind, at: date,
                unitId: placement.unitID, category: placement.category)
            do {
                try event.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw ProgressError(.unknownLearner, String(learnerID))
            }
            let isVisit = kind == LessonEventRecord.visit
            let completedBefore = try Date?.fetchOne(
                db, sql: "SELECT completedAt FROM lessonProgress WHERE learnerId = ? AND courseId = ? AND lessonId = ?",
                arguments: [learnerID, courseID, lessonID]) ?? nil
            try db.execute(
                sql: """
                    INSERT INTO lessonProgress (learnerId, courseId, lessonId, visits, firstVisitedAt, lastVisitedAt,
                                                completedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (learnerId, courseId, lessonId) DO UPDATE SET
                        visits = visits + excluded.visits,
                        firstVisitedAt = COALESCE(firstVisitedAt, excluded.firstVisitedAt),
                        lastVisitedAt = COALESCE(MAX(lastVisitedAt, excluded.lastVisitedAt), lastVisitedAt,
                                                 excluded.lastVisitedAt),
                        completedAt = COALESCE(MIN(completedAt, excluded.completedAt), completedAt,
                                               excluded.completedAt)
                    """,
                arguments: [learnerID, courseID, lessonID, isVisit ? 1 : 0, isVisit ? date : nil,
                            isVisit ? date : nil, isVisit ? nil : date])
            try Summaries.addLessonEvent(learnerID: learnerID, courseID: courseID, at: date,
                                         firstCompletion: !isVisit && completedBefore == nil, db)
            try Rollups.addActivity(learnerID: learnerID, courseID: courseID, unitID: placement.unitID,
                                    category: placement.category, at: date, calendar: calendar, db)
            if !isVisit {
                try Rollups.addLessonCompletion(
                    learnerID: learnerID, courseID: courseID, lessonID: lessonID, unitID: placement.unitID,
                    category: placement.category, at: date, previous: completedBefore, calendar: calendar, db)
            }
            guard let completing, !isVisit else { return nil }
            return try Self.completeIfDue(learnerID: learnerID, completing, at: date, attemptID: nil,
                                          calendar: calendar, db)
        }
    }
}
