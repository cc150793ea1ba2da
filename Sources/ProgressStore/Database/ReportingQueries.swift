import Foundation
import GRDB

/// The raw-event SQL behind the period figures, in one place so the benchmark can run exactly the same
/// statements in the `sqlite3` shell. Each takes `:start` and `:end` (UTC instants, end exclusive) and `:unit`
/// (one unit, or NULL for all). Every figure is grouped by the unit and category recorded on the event, so a
/// learner's later move changes nothing here. This is the truth the rollups (`RollupFigures`) are proved against.
enum ReportingQueries {
    /// Per unit and category: learners registered by the end of the period, where their latest placement
    /// (registration or move) before it puts them.
    static let registered = """
        SELECT p.unitId, p.category, COUNT(*) FROM learnerPlacement p
        WHERE p.at < :end AND (:unit IS NULL OR p.unitId = :unit)
          AND NOT EXISTS (SELECT 1 FROM learnerPlacement q WHERE q.learnerId = p.learnerId AND q.at < :end
                          AND (q.at > p.at OR (q.at = p.at AND q.id > p.id)))
        GROUP BY p.unitId, p.category
        """

    /// Per unit and category: learners with any lesson event or attempt recorded there in the period.
    static let active = """
        SELECT unitId, category, COUNT(DISTINCT learnerId) FROM (
            SELECT learnerId, unitId, category FROM lessonEvent WHERE at >= :start AND at < :end
            UNION ALL
            SELECT learnerId, unitId, category FROM attempt WHERE submittedAt >= :start AND submittedAt < :end)
        WHERE (:unit IS NULL OR unitId = :unit)
        GROUP BY unitId, category
        """

    /// Per unit, category and course: (learner, course) pairs with activity recorded there in the period.
    static let enrolments = """
        SELECT unitId, category, courseId, COUNT(*) FROM (
            SELECT DISTINCT unitId, category, courseId, learnerId FROM (
                SELECT learnerId, courseId, unitId, category FROM lessonEvent WHERE at >= :start AND at < :end
                UNION ALL
                SELECT learnerId, courseId, unitId, category FROM attempt
                WHERE submittedAt >= :start AND submittedAt < :end))
        WHERE (:unit IS NULL OR unitId = :unit)
        GROUP BY unitId, category, courseId
        """

    /// Per unit, category and course: lessons finished for the first time (by time, then by event id) in the
    /// period.
    static let lessonCompletions = """
        SELECT unitId, category, courseId, COUNT(*) FROM (
            SELECT unitId, category, courseId, at,
                   ROW_NUMBER() OVER (PARTITION BY learnerId, courseId, lessonId ORDER BY at, id) AS n
            FROM lessonEvent WHERE kind = 'complete')
        WHERE n = 1 AND at >= :start AND at < :end AND (:unit IS NULL OR unitId = :unit)
        GROUP BY unitId, category, courseId
        """

    /// Per unit, category and course: courses completed in the period.
    static let courseCompletions = """
        SELECT unitId, category, courseId, COUNT(*) FROM courseCompletion
        WHERE completedAt >= :start AND completedAt < :end AND (:unit IS NULL OR unitId = :unit)
        GROUP BY unitId, category, courseId
        """

    /// Per unit, category and course: final attempts in the period, how many passed, and their percents summed.
    static let finalAttempts = """
        SELECT unitId, category, courseId, COUNT(*), SUM(passed), SUM(percent) FROM attempt
        WHERE isFinal AND submittedAt >= :start AND submittedAt < :end AND (:unit IS NULL OR unitId = :unit)
        GROUP BY unitId, category, courseId
        """

    static let all = [registered, active, enrolments, lessonCompletions, courseCompletions, finalAttempts]
}
