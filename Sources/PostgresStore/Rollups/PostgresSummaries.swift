import Foundation
import Logging
import PostgresNIO

/// The summaries a learner's pages read (`course_progress`), kept live by one upsert per event.
enum PostgresSummaries {
    /// `course_progress` after a lesson event or a graded attempt. PostgreSQL's `LEAST` and `GREATEST` skip
    /// NULLs, so a missing best score or pass time never hides a known one.
    static func addCourseActivity(
        learnerID: Int64, courseID: String, first: Date, last: Date, lessonsCompleted: Int, finalAttempts: Int = 0,
        percent: Int? = nil, passedAt: Date? = nil, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        try await connection.run("""
            INSERT INTO course_progress (learner_id, course_id, first_activity_at, last_activity_at,
                                         lessons_completed, final_attempts, best_percent, passed_final_at)
            VALUES (\(learnerID), \(courseID), \(first), \(last), \(lessonsCompleted), \(finalAttempts),
                    \(percent), \(passedAt))
            ON CONFLICT (commune_id, learner_id, course_id) DO UPDATE SET
                first_activity_at = LEAST(course_progress.first_activity_at, excluded.first_activity_at),
                last_activity_at = GREATEST(course_progress.last_activity_at, excluded.last_activity_at),
                lessons_completed = course_progress.lessons_completed + excluded.lessons_completed,
                final_attempts = course_progress.final_attempts + excluded.final_attempts,
                best_percent = GREATEST(course_progress.best_percent, excluded.best_percent),
                passed_final_at = LEAST(course_progress.passed_final_at, excluded.passed_final_at)
            """, logger)
    }
}
