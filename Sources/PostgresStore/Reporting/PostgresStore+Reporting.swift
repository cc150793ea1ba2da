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
    private static func wholeDays(_ period: ReportingPeriod, _ connection: PostgresConnection, _ logger: Logger)
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
    /// completion. Each learner's last completion is found by one sort (`DISTINCT ON`), not by ordered
    /// aggregates, which sort once per learner; a learner completes a course once (the key), so counting their
    /// rows counts their distinct courses.
    public func basicLevelReached(
        category: LearnerCategory, courseIDs: [String], period: ReportingPeriod
    ) async throws -> [CoverageCount] {
        guard !courseIDs.isEmpty else { return [] }
        let logger = logger
        return try await transaction { connection in
            try await connection.rows("""
                SELECT unit_id, COUNT(*), COUNT(*) FILTER (WHERE completed_at >= \(period.start))
                FROM (SELECT DISTINCT ON (learner_id) learner_id, completed_at, unit_id, category,
                             COUNT(*) OVER (PARTITION BY learner_id) AS completed
                      FROM course_completion
                      WHERE commune_id = current_setting('app.commune') AND course_id = ANY(\(courseIDs))
                        AND completed_at < \(period.end)
                      ORDER BY learner_id, completed_at DESC, course_id COLLATE "C" DESC) AS last
                WHERE completed = \(courseIDs.count) AND category = \(category.rawValue)
                GROUP BY unit_id
                """, logger).map { row in
                let (unit, byEnd, inPeriod) = try row.decode((String, Int, Int).self)
                return CoverageCount(unitID: unit, reachedByEnd: byEnd, reachedInPeriod: inPeriod)
            }
        }
    }

    /// Per unit, distinct learners who completed at least one of `courseIDs` in the period there.
    public func learnersCompleting(courseIDs: [String], period: ReportingPeriod) async throws -> [String: Int] {
        guard !courseIDs.isEmpty else { return [:] }
        let logger = logger
        return try await transaction { connection in
            Dictionary(uniqueKeysWithValues: try await connection.rows("""
                SELECT unit_id, COUNT(DISTINCT learner_id) FROM course_completion
                WHERE commune_id = current_setting('app.commune') AND course_id = ANY(\(courseIDs)) AND completed_at >= \(period.start) AND completed_at < \(period.end)
                GROUP BY unit_id
                """, logger).map { try $0.decode((String, Int).self) })
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
    /// last completion in it, with their latest "bao-cao" consent, best first.
    private func awardRows(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int) async throws
        -> [AwardRow]
    {
        let logger = logger
        return try await transaction { connection in
            try await connection.rows("""
                SELECT l.id, l.display_name, q.unit_id, q.category, q.completions, q.percent_sum,
                       (SELECT given FROM consent_event e
                        WHERE e.commune_id = l.commune_id AND e.learner_id = l.id AND e.purpose = 'bao-cao'
                        ORDER BY e.at DESC, e.id DESC LIMIT 1)
                FROM (SELECT DISTINCT ON (learner_id) learner_id, unit_id, category,
                             COUNT(*) OVER (PARTITION BY learner_id) AS completions,
                             SUM(COALESCE(percent, 0)) OVER (PARTITION BY learner_id) AS percent_sum
                      FROM course_completion
                      WHERE commune_id = current_setting('app.commune') AND completed_at >= \(period.start)
                        AND completed_at < \(period.end)
                      ORDER BY learner_id, completed_at DESC, course_id COLLATE "C" DESC) AS q
                JOIN learner l ON l.commune_id = current_setting('app.commune') AND l.id = q.learner_id
                WHERE l.anonymised_at IS NULL AND q.completions >= \(minimumCourses)
                  AND q.percent_sum >= \(minimumAverage) * q.completions
                ORDER BY q.completions DESC, q.percent_sum::float8 / q.completions DESC,
                         l.display_name COLLATE "C", l.id
                """, logger).map { row in
                let (id, name, unit, category, completions, percentSum, consent) =
                    try row.decode((Int64, String?, String, String, Int, Int, Bool?).self)
                return AwardRow(learnerID: id, name: name, unitID: unit, category: category,
                                completions: completions, percentSum: percentSum, consent: consent)
            }
        }
    }
}
