import Foundation
import GRDB

/// The summaries, as SQL over the raw events: the same statements keep them live and rebuild them.
enum Summaries {
    /// `courseProgress` for one learner and course, or for all when both are nil.
    static func refreshCourse(learnerID: Int64?, courseID: String?, _ db: Database) throws {
        let filter = learnerID == nil ? "1" : "learnerId = :learner AND courseId = :course"
        let arguments: StatementArguments = learnerID.map { ["learner": $0, "course": courseID] } ?? [:]
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO courseProgress
                    (learnerId, courseId, firstActivityAt, lastActivityAt, lessonsCompleted, finalAttempts,
                     bestPercent, passedFinalAt)
                SELECT learnerId, courseId, MIN(firstAt), MAX(lastAt), SUM(lessonsCompleted), SUM(finalAttempts),
                       MAX(bestPercent), MIN(passedAt)
                FROM (
                    SELECT learnerId, courseId, MIN(at) AS firstAt, MAX(at) AS lastAt,
                           COUNT(DISTINCT CASE WHEN kind = 'complete' THEN lessonId END) AS lessonsCompleted,
                           0 AS finalAttempts, NULL AS bestPercent, NULL AS passedAt
                    FROM lessonEvent WHERE \(filter) GROUP BY learnerId, courseId
                    UNION ALL
                    SELECT learnerId, courseId, MIN(startedAt), MAX(submittedAt), 0,
                           SUM(isFinal), MAX(CASE WHEN isFinal THEN percent END),
                           MIN(CASE WHEN isFinal AND passed THEN submittedAt END)
                    FROM attempt WHERE \(filter) GROUP BY learnerId, courseId
                )
                GROUP BY learnerId, courseId
                """,
            arguments: arguments)
    }

    /// Drops both summaries and computes them again from the events.
    static func rebuildAll(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM lessonProgress")
        try db.execute(sql: "DELETE FROM courseProgress")
        try db.execute(sql: """
            INSERT INTO lessonProgress (learnerId, courseId, lessonId, visits, firstVisitedAt, lastVisitedAt,
                                        completedAt)
            SELECT learnerId, courseId, lessonId, SUM(kind = 'visit'),
                   MIN(CASE WHEN kind = 'visit' THEN at END), MAX(CASE WHEN kind = 'visit' THEN at END),
                   MIN(CASE WHEN kind = 'complete' THEN at END)
            FROM lessonEvent GROUP BY learnerId, courseId, lessonId
            """)
        try refreshCourse(learnerID: nil, courseID: nil, db)
    }
}
