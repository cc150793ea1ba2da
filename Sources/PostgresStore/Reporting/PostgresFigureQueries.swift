import Foundation
import LearningCore
import Logging
import PostgresNIO
import StoreSupport

/// The period figures in SQL, from the day rollups or from the raw events. The raw statements are the SQLite
/// store's `ReportingQueries` in PostgreSQL's dialect: the truth the rollups are proved against. Every figure is
/// grouped by the unit and category recorded on the event, so a learner's later move changes nothing here.
///
/// Every statement names the transaction's commune (`commune_id = current_setting('app.commune')`): a commune's
/// own role sees no other rows anyway, but the city's reporting role sees every commune's and reads them one
/// commune at a time.
enum PostgresFigureQueries {
    /// From the year rollups, for the reporting years `years` (whole ones): one year's distinct counts are
    /// kept ready in `year_groups` and `year_figures`; over several years people and pairs are counted distinct
    /// from `learner_year` and `activity_year` (one row per year, not per day).
    static func addYears(years: Range<Int>, unitID: String?, to cells: inout FigureCells,
                         _ connection: PostgresConnection, _ logger: Logger) async throws {
        let (first, end) = (years.lowerBound, years.upperBound)
        let oneYear = years.count == 1
        for row in try await connection.rows("""
            SELECT unit_id, category, SUM(registered_delta), SUM(active) FILTER (WHERE year >= \(first))
            FROM year_groups
            WHERE commune_id = current_setting('app.commune') AND year < \(end)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category
            """, logger) {
            let (unit, category, registered, active) = try row.decode((String, String, Int, Int?).self)
            var figures = cells.groups[.init(unitID: unit, category: category), default: ActivityFigures()]
            figures.registered += registered
            if oneYear { figures.active += active ?? 0 }
            cells.groups[.init(unitID: unit, category: category)] = figures
        }
        if !oneYear {
            try await addDistinct(people: "learner_year", pairs: "activity_year", column: "year", in: years,
                                  unitID: unitID, to: &cells, connection, logger)
        }
        // Several years' enrolments are the distinct pairs above, not the sum of each year's.
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, SUM(lesson_completions), SUM(course_completions),
                   SUM(final_attempts), SUM(passed_attempts), SUM(percent_sum)::bigint,
                   CASE WHEN \(oneYear) THEN SUM(enrolments) ELSE 0 END
            FROM year_figures
            WHERE commune_id = current_setting('app.commune') AND year >= \(first) AND year < \(end)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            try addSums(row, to: &cells)
        }
    }

    /// Active learners (distinct people per unit and category, from the table `people`) and enrolments (distinct
    /// people per unit, category and course, from `pairs`) in the rows whose `column` (a day or a year) lies in
    /// `range`. The names are fixed here, never input.
    private static func addDistinct(people: String, pairs: String, column: String, in range: Range<Int>,
                                    unitID: String?, to cells: inout FigureCells, _ connection: PostgresConnection,
                                    _ logger: Logger) async throws {
        for row in try await connection.rows("""
            SELECT unit_id, category, COUNT(DISTINCT learner_id) FROM \(unescaped: people)
            WHERE commune_id = current_setting('app.commune')
              AND \(unescaped: column) >= \(range.lowerBound) AND \(unescaped: column) < \(range.upperBound)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category
            """, logger) {
            let (unit, category, count) = try row.decode((String, String, Int).self)
            cells.groups[.init(unitID: unit, category: category), default: ActivityFigures()].active += count
        }
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, COUNT(DISTINCT learner_id) FROM \(unescaped: pairs)
            WHERE commune_id = current_setting('app.commune')
              AND \(unescaped: column) >= \(range.lowerBound) AND \(unescaped: column) < \(range.upperBound)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            let (unit, category, course, count) = try row.decode((String, String, String, Int).self)
            cells.courses[cell(unit, category, course), default: ActivityFigures()].enrolments += count
        }
    }

    /// A row of per-course sums (unit, category, course, first lesson completions, course completions, final
    /// attempts, passed ones, their percents, enrolments) added to its cell.
    private static func addSums(_ row: PostgresRow, to cells: inout FigureCells) throws {
        let (unit, category, course, lessons, completions, attempts, passed, percents, enrolments) =
            try row.decode((String, String, String, Int, Int, Int, Int, Int, Int).self)
        var figures = cells.courses[cell(unit, category, course), default: ActivityFigures()]
        figures.enrolments += enrolments
        figures.lessonCompletions += lessons
        figures.courseCompletions += completions
        figures.finalAttempts += attempts
        figures.passedAttempts += passed
        figures.percentSum += percents
        cells.courses[cell(unit, category, course)] = figures
    }

    /// From the rollups, for the local days `days`.
    static func addRollups(days: Range<Int>, unitID: String?, to cells: inout FigureCells,
                           _ connection: PostgresConnection, _ logger: Logger) async throws {
        let (first, end) = (days.lowerBound, days.upperBound)
        for row in try await connection.rows("""
            SELECT unit_id, category, SUM(delta) FROM registration_day
            WHERE commune_id = current_setting('app.commune') AND day < \(end)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category
            """, logger) {
            let (unit, category, count) = try row.decode((String, String, Int).self)
            cells.groups[.init(unitID: unit, category: category), default: ActivityFigures()].registered += count
        }
        try await addDistinct(people: "activity_day", pairs: "activity_day", column: "day", in: days, unitID: unitID,
                              to: &cells, connection, logger)
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, SUM(lesson_completions), SUM(course_completions),
                   SUM(final_attempts), SUM(passed_attempts), SUM(percent_sum), 0
            FROM day_figures
            WHERE commune_id = current_setting('app.commune') AND day >= \(first) AND day < \(end)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            try addSums(row, to: &cells)
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
                WHERE commune_id = current_setting('app.commune') AND at < \(end)
                ORDER BY learner_id, at DESC, id DESC) AS latest
            WHERE \(unitID)::text IS NULL OR unit_id = \(unitID)
            GROUP BY unit_id, category
            """, logger) {
            let (unit, category, count) = try row.decode((String, String, Int).self)
            cells.groups[.init(unitID: unit, category: category), default: ActivityFigures()].registered += count
        }
        let activity: PostgresQuery = """
            SELECT learner_id, course_id, unit_id, category FROM lesson_event
            WHERE commune_id = current_setting('app.commune') AND at >= \(start) AND at < \(end)
            UNION ALL
            SELECT learner_id, course_id, unit_id, category FROM attempt
            WHERE commune_id = current_setting('app.commune') AND submitted_at >= \(start) AND submitted_at < \(end)
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
                FROM lesson_event WHERE commune_id = current_setting('app.commune') AND kind = 'complete'
                ORDER BY learner_id, course_id, lesson_id, at, id) AS first
            WHERE at >= \(start) AND at < \(end)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            let (unit, category, course, count) = try row.decode((String, String, String, Int).self)
            cells.courses[cell(unit, category, course), default: ActivityFigures()].lessonCompletions += count
        }
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, COUNT(*) FROM course_completion
            WHERE commune_id = current_setting('app.commune') AND completed_at >= \(start) AND completed_at < \(end)
              AND (\(unitID)::text IS NULL OR unit_id = \(unitID))
            GROUP BY unit_id, category, course_id
            """, logger) {
            let (unit, category, course, count) = try row.decode((String, String, String, Int).self)
            cells.courses[cell(unit, category, course), default: ActivityFigures()].courseCompletions += count
        }
        for row in try await connection.rows("""
            SELECT unit_id, category, course_id, COUNT(*), COUNT(*) FILTER (WHERE passed), SUM(percent)
            FROM attempt
            WHERE commune_id = current_setting('app.commune') AND is_final AND submitted_at >= \(start) AND submitted_at < \(end)
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
