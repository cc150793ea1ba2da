public import Foundation
public import LearningCore
import Logging
import PostgresNIO

extension PostgresStore {
    public func recordLessonVisit(learnerID: Int64, courseID: String, lessonID: String, at date: Date) async throws {
        _ = try await recordLessonEvent(isVisit: true, learnerID: learnerID, courseID: courseID, lessonID: lessonID,
                                        at: date, completing: nil)
    }

    public func recordLessonCompletion(
        learnerID: Int64, courseID: String, lessonID: String, at date: Date, completing: CompletionRequirement?
    ) async throws -> CourseCompletion? {
        try await recordLessonEvent(isVisit: false, learnerID: learnerID, courseID: courseID, lessonID: lessonID,
                                    at: date, completing: completing)
    }

    /// The event, and in the same transaction the summaries and rollups it changes and the completion it earns.
    private func recordLessonEvent(
        isVisit: Bool, learnerID: Int64, courseID: String, lessonID: String, at date: Date,
        completing: CompletionRequirement?
    ) async throws -> CourseCompletion? {
        let logger = logger
        return try await transaction { connection in
            guard let placement = try await PostgresRollups.placementLocking(learnerID: learnerID, connection, logger)
            else { throw ProgressError(.unknownLearner, String(learnerID)) }
            try await connection.run("""
                INSERT INTO lesson_event (learner_id, course_id, lesson_id, kind, at, unit_id, category)
                VALUES (\(learnerID), \(courseID), \(lessonID), \(isVisit ? "visit" : "complete"), \(date),
                        \(placement.unitID), \(placement.category))
                """, logger)
            let completedBefore = try await connection.rows("""
                SELECT completed_at FROM lesson_progress
                WHERE learner_id = \(learnerID) AND course_id = \(courseID) AND lesson_id = \(lessonID)
                """, logger).first?.decode(Date?.self) ?? nil
            let visitAt: Date? = isVisit ? date : nil
            let completedAt: Date? = isVisit ? nil : date
            try await connection.run("""
                INSERT INTO lesson_progress (learner_id, course_id, lesson_id, visits, first_visited_at,
                                             last_visited_at, completed_at)
                VALUES (\(learnerID), \(courseID), \(lessonID), \(isVisit ? 1 : 0), \(visitAt), \(visitAt),
                        \(completedAt))
                ON CONFLICT (commune_id, learner_id, course_id, lesson_id) DO UPDATE SET
                    visits = lesson_progress.visits + excluded.visits,
                    first_visited_at = LEAST(lesson_progress.first_visited_at, excluded.first_visited_at),
                    last_visited_at = GREATEST(lesson_progress.last_visited_at, excluded.last_visited_at),
                    completed_at = LEAST(lesson_progress.completed_at, excluded.completed_at)
                """, logger)
            try await PostgresSummaries.addCourseActivity(
                learnerID: learnerID, courseID: courseID, first: date, last: date,
                lessonsCompleted: !isVisit && completedBefore == nil ? 1 : 0, connection, logger)
            try await PostgresRollups.addActivity(learnerID: learnerID, courseID: courseID, unitID: placement.unitID,
                                                  category: placement.category, at: date, connection, logger)
            if !isVisit {
                try await PostgresRollups.addLessonCompletion(
                    learnerID: learnerID, courseID: courseID, lessonID: lessonID, unitID: placement.unitID,
                    category: placement.category, at: date, previous: completedBefore, connection, logger)
            }
            guard let completing, !isVisit else { return nil }
            return try await Self.completeIfDue(learnerID: learnerID, completing, at: date, attemptID: nil,
                                                placement: placement, connection, logger)
        }
    }
}
