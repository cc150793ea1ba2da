import Foundation
import GRDB

/// The SQL behind the period figures, in one place so the benchmark can run exactly the same statements in the
/// `sqlite3` shell. Each takes `:start` and `:end` (UTC instants, end exclusive).
enum ReportingQueries {
    /// Per unit and category: learners registered by the end of the period.
    static let registered = """
        SELECT unitId, category, COUNT(*) FROM learner WHERE createdAt < :end GROUP BY unitId, category
        """

    /// Per unit and category: learners with any lesson event or attempt in the period. Asked per learner
    /// (EXISTS on the learner's own index entries), not by collecting the period's millions of events.
    static let active = """
        SELECT l.unitId, l.category, COUNT(*)
        FROM learner l
        WHERE EXISTS (SELECT 1 FROM lessonEvent e WHERE e.learnerId = l.id AND e.at >= :start AND e.at < :end)
           OR EXISTS (SELECT 1 FROM attempt a WHERE a.learnerId = l.id
                      AND a.submittedAt >= :start AND a.submittedAt < :end)
        GROUP BY l.unitId, l.category
        """

    /// Per unit, category and course: (learner, course) pairs with activity in the period. Every pair with any
    /// activity has a `courseProgress` row whose first and last activity bracket it, which narrows the pairs to
    /// test; the events themselves decide.
    static let enrolments = """
        SELECT l.unitId, l.category, p.courseId, COUNT(*)
        FROM courseProgress p JOIN learner l ON l.id = p.learnerId
        WHERE p.firstActivityAt < :end AND p.lastActivityAt >= :start
          AND (EXISTS (SELECT 1 FROM lessonEvent e WHERE e.learnerId = p.learnerId AND e.courseId = p.courseId
                       AND e.at >= :start AND e.at < :end)
               OR EXISTS (SELECT 1 FROM attempt a WHERE a.learnerId = p.learnerId AND a.courseId = p.courseId
                          AND a.submittedAt >= :start AND a.submittedAt < :end))
        GROUP BY l.unitId, l.category, p.courseId
        """

    /// Per unit, category and course: lessons finished for the first time in the period.
    static let lessonCompletions = """
        SELECT l.unitId, l.category, p.courseId, COUNT(*)
        FROM lessonProgress p JOIN learner l ON l.id = p.learnerId
        WHERE p.completedAt >= :start AND p.completedAt < :end
        GROUP BY l.unitId, l.category, p.courseId
        """

    /// Per unit, category and course: courses completed in the period.
    static let courseCompletions = """
        SELECT l.unitId, l.category, c.courseId, COUNT(*)
        FROM courseCompletion c JOIN learner l ON l.id = c.learnerId
        WHERE c.completedAt >= :start AND c.completedAt < :end
        GROUP BY l.unitId, l.category, c.courseId
        """

    /// Per unit, category and course: final attempts in the period, how many passed, and their percents summed.
    static let finalAttempts = """
        SELECT l.unitId, l.category, a.courseId, COUNT(*), SUM(a.passed), SUM(a.percent)
        FROM attempt a JOIN learner l ON l.id = a.learnerId
        WHERE a.isFinal AND a.submittedAt >= :start AND a.submittedAt < :end
        GROUP BY l.unitId, l.category, a.courseId
        """

    static let all = [registered, active, enrolments, lessonCompletions, courseCompletions, finalAttempts]
}
