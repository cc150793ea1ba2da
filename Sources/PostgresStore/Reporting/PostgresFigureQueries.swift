import Foundation
import LearningCore
import Logging
import PostgresNIO
import StoreSupport

/// The period figures in SQL, from the day rollups or from the raw events. The raw statements are the SQLite
/// store's `ReportingQueries` in PostgreSQL's dialect: the truth the rollups are proved against. Every figure is
/// grouped by the unit and category recorded on the event, so a learner's later move changes nothing here.
enum PostgresFigureQueries {
    /// From the rollups, for the local days `days`.
    static func addRollups(days: Range<Int>, unitID: String?, to cells: inout FigureCells,
                           _ connection: PostgresConnection, _ logger: Logger) async throws {
        let (first, end) = (days.lowerBound, days.upperBound)
        for row in try await connection.rows("""
            SELECT unit_id, category, SUM(delta) FROM registration_day
            WHERE day < \(end) AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category
            """, logger) {
            let (unit, category, count) = try row.decode((String, String, Int).self)
            cells.groups[.init(unitID: unit, category: category), default: ActivityFigures()].registered += count
        }
        for row in try await connection.rows("""
            SELECT unit_id, category, COUNT(DISTINCT learner_id) FROM activity_day
            WHERE day >= \(first) AND day < \(end) AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category
            """, logger) {
            let (unit, category, count) = try row.decode((String, String, Int).self)
            cells.groups[.init(unitID: unit, category: category), default: ActivityFigures()].active += count
        }
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, COUNT(DISTINCT learner_id) FROM activity_day
            WHERE day >= \(first) AND day < \(end) AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            let (unit, category, course, count) = try row.decode((String, String, String, Int).self)
            cells.courses[cell(unit, category, course), default: ActivityFigures()].enrolments += count
        }
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, SUM(lesson_completions), SUM(course_completions),
                   SUM(final_attempts), SUM(passed_attempts), SUM(percent_sum)
            FROM day_figures
            WHERE day >= \(first) AND day < \(end) AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            let (unit, category, course, lessons, completions, attempts, passed, percents) =
                try row.decode((String, String, String, Int, Int, Int, Int, Int).self)
            var figures = cells.courses[cell(unit, category, course), default: ActivityFigures()]
            figures.lessonCompletions += lessons
            figures.courseCompletions += completions
            figures.finalAttempts += attempts
            figures.passedAttempts += passed
            figures.percentSum += percents
            cells.courses[cell(unit, category, course)] = figures
        }
    }

    /// From aggregate SQL over the raw events, for any period.
    static func addRaw(period: ReportingPeriod, unitID: String?, to cells: inout FigureCells,
                       _ connection: PostgresConnection, _ logger: Logger) async throws {
        let (start, end) = (period.start, period.end)
        // Registered by the end: where each learner's latest placement before it puts them.
        for row in try await connection.rows("""
            SELECT unit_id, category, COUNT(*) FROM (
                SELECT DISTINCT ON (learner_id) learner_id, unit_id, category FROM learner_placement
                WHERE at < \(end) ORDER BY learner_id, at DESC, id DESC) AS latest
            WHERE \(unitID)::text IS NULL OR unit_id = \(unitID)
            GROUP BY unit_id, category
            """, logger) {
            let (unit, category, count) = try row.decode((String, String, Int).self)
            cells.groups[.init(unitID: unit, category: category), default: ActivityFigures()].registered += count
        }
        let activity: PostgresQuery = """
            SELECT learner_id, course_id, unit_id, category FROM lesson_event WHERE at >= \(start) AND at < \(end)
            UNION ALL
            SELECT learner_id, course_id, unit_id, category FROM attempt
            WHERE submitted_at >= \(start) AND submitted_at < \(end)
            """
        for row in try await connection.rows(PostgresQuery(unsafeSQL: """
            SELECT unit_id, category, NULL::text, COUNT(DISTINCT learner_id) FROM (\(activity.sql)) AS a
            WHERE $\(activity.binds.count + 1)::text IS NULL OR unit_id = $\(activity.binds.count + 1)
            GROUP BY unit_id, category
            UNION ALL
            SELECT unit_id, category, course_id, COUNT(DISTINCT learner_id) FROM (\(activity.sql)) AS a
            WHERE $\(activity.binds.count + 1)::text IS NULL OR unit_id = $\(activity.binds.count + 1)
            GROUP BY unit_id, category, course_id
            """, binds: appending(unitID, to: activity.binds)), logger) {
            let (unit, category, course, count) = try row.decode((String, String, String?, Int).self)
            if let course {
                cells.courses[cell(unit, category, course), default: ActivityFigures()].enrolments += count
            } else {
                cells.groups[.init(unitID: unit, category: category), default: ActivityFigures()].active += count
            }
        }
        // Lessons finished for the first time (by time, then by event id) in the period.
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, COUNT(*) FROM (
                SELECT DISTINCT ON (learner_id, course_id, lesson_id) unit_id, category, course_id, at
                FROM lesson_event WHERE kind = 'complete'
                ORDER BY learner_id, course_id, lesson_id, at, id) AS first
            WHERE at >= \(start) AND at < \(end) AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            let (unit, category, course, count) = try row.decode((String, String, String, Int).self)
            cells.courses[cell(unit, category, course), default: ActivityFigures()].lessonCompletions += count
        }
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, COUNT(*) FROM course_completion
            WHERE completed_at >= \(start) AND completed_at < \(end)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            let (unit, category, course, count) = try row.decode((String, String, String, Int).self)
            cells.courses[cell(unit, category, course), default: ActivityFigures()].courseCompletions += count
        }
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, COUNT(*), COUNT(*) FILTER (WHERE passed), SUM(percent)
            FROM attempt
            WHERE is_final AND submitted_at >= \(start) AND submitted_at < \(end)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            let (unit, category, course, attempts, passed, percents) =
                try row.decode((String, String, String, Int, Int, Int).self)
            var figures = cells.courses[cell(unit, category, course), default: ActivityFigures()]
            figures.finalAttempts += attempts
            figures.passedAttempts += passed
            figures.percentSum += percents
            cells.courses[cell(unit, category, course)] = figures
        }
    }

    private static func cell(_ unit: String, _ category: String, _ course: String) -> FigureCells.Cell {
        FigureCells.Cell(group: .init(unitID: unit, category: category), courseID: course)
    }

    private static func appending(_ value: String?, to binds: PostgresBindings) -> PostgresBindings {
        var binds = binds
        binds.append(value)
        return binds
    }
}
