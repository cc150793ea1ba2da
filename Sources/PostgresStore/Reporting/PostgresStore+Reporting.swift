import Foundation
public import LearningCore
import Logging
import PostgresNIO
import StoreSupport

extension PostgresStore {
    /// The period's figures per unit and category and per unit, category and course, grouped by the unit and
    /// category recorded on each event, read in one transaction: from the day rollups when the period is whole
    /// local days, else (or with `reportingSource == .raw`) from the raw events: the same figures.
    public func figures(
        for period: ReportingPeriod
    ) async throws -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures]) {
        try await figures(for: period, unitID: nil)
    }

    /// One unit's figures for the period, read for that unit alone.
    public func figures(
        for period: ReportingPeriod, unitID: String
    ) async throws -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures]) {
        try await figures(for: period, unitID: Optional(unitID))
    }

    private func figures(
        for period: ReportingPeriod, unitID: String?
    ) async throws -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures]) {
        let source = reportingSource
        let logger = logger
        return try await transaction { connection in
            var cells = FigureCells()
            let whole = try await Self.wholeDays(period, connection, logger)
            if source == .rollups, let years = whole?.years {
                try await PostgresFigureQueries.addYears(years: years, unitID: unitID, to: &cells, connection, logger)
            } else if source == .rollups, let days = whole?.days {
                try await PostgresFigureQueries.addRollups(days: days, unitID: unitID, to: &cells, connection, logger)
            } else {
                try await PostgresFigureQueries.addRaw(period: period, unitID: unitID, to: &cells, connection, logger)
            }
            return cells.result()
        }
    }

    /// The local days `[first, end)` a period is made of, when it starts and ends at local midnights; and the
    /// reporting years `[first, end)` (`hoctap_year`) when those days are whole years.
    static func wholeDays(_ period: ReportingPeriod, _ connection: PostgresConnection, _ logger: Logger)
        async throws -> (days: Range<Int>, years: Range<Int>?)?
    {
        guard let row = try await connection.rows("""
            SELECT d.first, d.end_day, hoctap_year(d.first), hoctap_year(d.end_day),
                   hoctap_year(d.first - 1) <> hoctap_year(d.first)
                   AND hoctap_year(d.end_day - 1) <> hoctap_year(d.end_day),
                   (\(period.start)::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::time = '00:00'
                   AND (\(period.end)::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::time = '00:00'
            FROM (SELECT hoctap_day(\(period.start)) AS first, hoctap_day(\(period.end)) AS end_day) AS d
            """, logger).first else { return nil }
        let (first, end, firstYear, endYear, yearBounds, aligned) =
            try row.decode((Int, Int, Int, Int, Bool, Bool).self)
        guard aligned && first <= end else { return nil }
        return (first..<end, yearBounds && first < end ? firstYear..<endYear : nil)
    }

    /// Per unit, learners of `category` who completed every course of `courseIDs` by the end of the period (and
    /// how many with the last of them within it), counted in the unit and category recorded on that last
    /// completion. Read from `basic_level_reach` when the commune keeps it for exactly these courses (see
    /// `keepBasicLevel`), else from the completions themselves: each learner's last completion found by one sort
    /// (`DISTINCT ON`); a learner completes a course once (the key), so counting their rows counts their courses.
    public func basicLevelReached(
        category: LearnerCategory, courseIDs: [String], period: ReportingPeriod
    ) async throws -> [CoverageCount] {
        guard !courseIDs.isEmpty else { return [] }
        let wanted = Set(courseIDs)
        let mayBeKept = reportingSource == .rollups && wanted.count == courseIDs.count
        let logger = logger
        return try await transaction { connection in
            let kept = mayBeKept ? try await Self.basicLevelLists(connection, logger)[category.rawValue] == wanted
                : false
            let statement: PostgresQuery = kept ? """
                SELECT unit_id, COUNT(*), COUNT(*) FILTER (WHERE reached_at >= \(period.start))
                FROM basic_level_reach
                WHERE commune_id = current_setting('app.commune') AND category = \(category.rawValue)
                  AND reached_at < \(period.end)
                GROUP BY unit_id
                """ : """
                SELECT unit_id, COUNT(*), COUNT(*) FILTER (WHERE completed_at >= \(period.start))
                FROM (SELECT DISTINCT ON (learner_id) learner_id, completed_at, unit_id, category,
                             COUNT(*) OVER (PARTITION BY learner_id) AS completed
                      FROM course_completion
                      WHERE commune_id = current_setting('app.commune') AND course_id = ANY(\(courseIDs))
                        AND completed_at < \(period.end)
                      ORDER BY learner_id, completed_at DESC, course_id COLLATE "C" DESC) AS last
                WHERE completed = \(courseIDs.count) AND category = \(category.rawValue)
                GROUP BY unit_id
                """
            return try await connection.rows(statement, logger).map { row in
                let (unit, byEnd, inPeriod) = try row.decode((String, Int, Int).self)
                return CoverageCount(unitID: unit, reachedByEnd: byEnd, reachedInPeriod: inPeriod)
            }
        }
    }

    /// Per unit, distinct learners who completed at least one of `courseIDs` in the period there (the unit
    /// recorded on the completion): from `completion_unit_year` when the period is whole reporting years, else
    /// from the completions.
    public func learnersCompleting(courseIDs: [String], period: ReportingPeriod) async throws -> [String: Int] {
        guard !courseIDs.isEmpty else { return [:] }
        let source = reportingSource
        let logger = logger
        return try await transaction { connection in
            let years = source == .rollups ? try await Self.wholeDays(period, connection, logger)?.years : nil
            // A person has one row per year and unit: one year's are counted as they are.
            let statement: PostgresQuery = if let years, years.count == 1 {
                """
                SELECT unit_id, COUNT(*) FROM completion_unit_year
                WHERE commune_id = current_setting('app.commune') AND year = \(years.lowerBound)
                  AND course_ids && \(courseIDs)
                GROUP BY unit_id
                """
            } else if let years {
                """
                SELECT unit_id, COUNT(DISTINCT learner_id) FROM completion_unit_year
                WHERE commune_id = current_setting('app.commune') AND year >= \(years.lowerBound)
                  AND year < \(years.upperBound) AND course_ids && \(courseIDs)
                GROUP BY unit_id
                """
            } else {
                """
                SELECT unit_id, COUNT(DISTINCT learner_id) FROM course_completion
                WHERE commune_id = current_setting('app.commune') AND course_id = ANY(\(courseIDs))
                  AND completed_at >= \(period.start) AND completed_at < \(period.end)
                GROUP BY unit_id
                """
            }
            return Dictionary(uniqueKeysWithValues: try await connection.rows(statement, logger).map {
                try $0.decode((String, Int).self)
            })
        }
    }

    /// People whose completions in the period meet the criteria and who consented to being named, best first,
    /// and how many more met them without that consent (or were deleted): counted, never named.
    public func awardCandidates(
        period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int
    ) async throws -> (named: [AwardCandidate], withheld: Int) {
        var named: [AwardCandidate] = []
        var withheld = 0
        for row in try await awardRows(period: period, minimumCourses: minimumCourses, minimumAverage: minimumAverage) {
            guard row.consent == true, let name = row.name, let category = LearnerCategory(rawValue: row.category)
            else {
                withheld += 1
                continue
            }
            named.append(AwardCandidate(
                learnerID: row.learnerID, displayName: name, unitID: row.unitID, category: category,
                completions: row.completions,
                averagePercent: Percent.of(row.percentSum, row.completions * 100) ?? 0))
        }
        return (named, withheld)
    }

    public func withheldAwardCandidatesByUnit(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int)
        async throws -> [String: Int]?
    {
        var byUnit: [String: Int] = [:]
        for row in try await awardRows(period: period, minimumCourses: minimumCourses, minimumAverage: minimumAverage)
        where row.consent != true || row.name == nil {
            byUnit[row.unitID, default: 0] += 1
        }
        return byUnit
    }

    /// One person meeting the award criteria, as read.
    private struct AwardRow: Sendable {
        var learnerID: Int64
        var name: String?
        var unitID: String
        var category: String
        var completions: Int
        var percentSum: Int
        var consent: Bool?
    }

    /// People meeting the criteria in the period (not anonymised), in the unit and category recorded on their
    /// last completion in it, with their latest "bao-cao" consent, best first. Whole reporting years are read
    /// from `completion_year` (one row per person and year), any other period from the completions.
    private func awardRows(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int) async throws
        -> [AwardRow]
    {
        let source = reportingSource
        let logger = logger
        return try await transaction { connection in
            let years = source == .rollups ? try await Self.wholeDays(period, connection, logger)?.years : nil
            // Per person: completions, the sum of their percents, and the unit and category of the last one.
            let people: PostgresQuery = if let years, years.count == 1 {
                """
                SELECT learner_id, unit_id, category, completions, percent_sum FROM completion_year
                WHERE commune_id = current_setting('app.commune') AND year = \(years.lowerBound)
                """
            } else if let years {
                """
                SELECT DISTINCT ON (learner_id) learner_id, unit_id, category,
                       SUM(completions) OVER (PARTITION BY learner_id)::bigint AS completions,
                       SUM(percent_sum) OVER (PARTITION BY learner_id)::bigint AS percent_sum
                FROM completion_year
                WHERE commune_id = current_setting('app.commune') AND year >= \(years.lowerBound)
                  AND year < \(years.upperBound)
                ORDER BY learner_id, last_at DESC, last_course_id COLLATE "C" DESC
                """
            } else {
                """
                SELECT DISTINCT ON (learner_id) learner_id, unit_id, category,
                       COUNT(*) OVER (PARTITION BY learner_id) AS completions,
                       SUM(COALESCE(percent, 0)) OVER (PARTITION BY learner_id) AS percent_sum
                FROM course_completion
                WHERE commune_id = current_setting('app.commune') AND completed_at >= \(period.start)
                  AND completed_at < \(period.end)
                ORDER BY learner_id, completed_at DESC, course_id COLLATE "C" DESC
                """
            }
            let courses = people.binds.count + 1
            var binds = people.binds
            binds.append(minimumCourses)
            binds.append(minimumAverage)
            return try await connection.rows(PostgresQuery(unsafeSQL: """
                SELECT l.id, l.display_name, q.unit_id, q.category, q.completions, q.percent_sum,
                       (SELECT given FROM consent_event e
                        WHERE e.commune_id = l.commune_id AND e.learner_id = l.id AND e.purpose = 'bao-cao'
                        ORDER BY e.at DESC, e.id DESC LIMIT 1)
                FROM (\(people.sql)) AS q
                JOIN learner l ON l.commune_id = current_setting('app.commune') AND l.id = q.learner_id
                WHERE l.anonymised_at IS NULL AND q.completions >= $\(courses)
                  AND q.percent_sum >= $\(courses + 1) * q.completions
                ORDER BY q.completions DESC, q.percent_sum::float8 / q.completions DESC,
                         l.display_name COLLATE "C", l.id
                """, binds: binds), logger).map { row in
                let (id, name, unit, category, completions, percentSum, consent) =
                    try row.decode((Int64, String?, String, String, Int, Int, Bool?).self)
                return AwardRow(learnerID: id, name: name, unitID: unit, category: category,
                                completions: completions, percentSum: percentSum, consent: consent)
            }
        }
    }
}
