import Foundation
import GRDB

/// The summaries: kept live by small upserts as each event is written (constant work per event, whatever a
/// learner's history), and rebuilt from the raw events by aggregate SQL. A test proves the two agree.
enum Summaries {
    /// `courseProgress` after a lesson event; `firstCompletion` when this completes the lesson for the first time.
    static func addLessonEvent(learnerID: Int64, courseID: String, at date: Date, firstCompletion: Bool,
                               _ db: Database) throws {
        try upsertCourse(learnerID: learnerID, courseID: courseID, first: date, last: date,
                         lessonsCompleted: firstCompletion ? 1 : 0, finalAttempts: 0, percent: nil, passedAt: nil, db)
    }

    /// `courseProgress` after a graded attempt.
    static func addAttempt(_ row: AttemptRow, _ db: Database) throws {
        try upsertCourse(learnerID: row.learnerId, courseID: row.courseId, first: row.startedAt, last: row.submittedAt,
                         lessonsCompleted: 0, finalAttempts: row.isFinal ? 1 : 0, percent: row.isFinal ? row.percent : nil,
                         passedAt: row.isFinal && row.passed ? row.submittedAt : nil, db)
    }

    private static func upsertCourse(
        learnerID: Int64, courseID: String, first: Date, last: Date, lessonsCompleted: Int, finalAttempts: Int,
        percent: Int?, passedAt: Date?, _ db: Database
    ) throws {
        // SQLite's two-argument MIN and MAX return NULL if either side is NULL, hence the COALESCEs.
        try db.executeCached(
            sql: """
                INSERT INTO courseProgress (learnerId, courseId, firstActivityAt, lastActivityAt, lessonsCompleted,
                                            finalAttempts, bestPercent, passedFinalAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (learnerId, courseId) DO UPDATE SET
                    firstActivityAt = MIN(firstActivityAt, excluded.firstActivityAt),
                    lastActivityAt = MAX(lastActivityAt, excluded.lastActivityAt),
                    lessonsCompleted = lessonsCompleted + excluded.lessonsCompleted,
                    finalAttempts = finalAttempts + excluded.finalAttempts,
                    bestPercent = MAX(COALESCE(bestPercent, excluded.bestPercent),
                                      COALESCE(excluded.bestPercent, bestPercent)),
                    passedFinalAt = MIN(COALESCE(passedFinalAt, excluded.passedFinalAt),
                                        COALESCE(excluded.passedFinalAt, passedFinalAt))
                """,
            arguments: [learnerID, courseID, first, last, lessonsCompleted, finalAttempts, percent, passedAt])
    }

    /// `courseProgress` computed from the events, for every learner and course.
    static func rebuildCourses(_ db: Database) throws {
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
                    FROM lessonEvent GROUP BY learnerId, courseId
                    UNION ALL
                    SELECT learnerId, courseId, MIN(startedAt), MAX(submittedAt), 0,
                           SUM(isFinal), MAX(CASE WHEN isFinal THEN percent END),
                           MIN(CASE WHEN isFinal AND passed THEN submittedAt END)
                    FROM attempt GROUP BY learnerId, courseId
                )
                GROUP BY learnerId, courseId
                """)
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
        try rebuildCourses(db)
    }
}
