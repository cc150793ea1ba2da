import Foundation
import Logging
import PostgresNIO

/// The summaries a learner's pages read (`course_progress`), kept live by one upsert per event.
enum PostgresSummaries {
    /// `course_progress` after a lesson event or a graded attempt: `hoctap_add_course_activity`, migration 007
    /// (where a missing best score or pass time never hides a known one).
    static func addCourseActivity(
        learnerID: Int64, courseID: String, first: Date, last: Date, lessonsCompleted: Int, finalAttempts: Int = 0,
        percent: Int? = nil, passedAt: Date? = nil, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        try await connection.run("""
            SELECT hoctap_add_course_activity(\(learnerID), \(courseID), \(first), \(last), \(lessonsCompleted),
                                              \(finalAttempts), \(percent), \(passedAt))
            """, logger)
    }
}
