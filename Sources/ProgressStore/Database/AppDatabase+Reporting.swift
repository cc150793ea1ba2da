public import Foundation
import GRDB
public import LearningCore

extension AppDatabase: ReportingRepository {
    /// The period's figures per unit and category (learner-level) and per unit, category and course
    /// (course-level), each from one SQL aggregate read in a single snapshot.
    public func figures(
        for period: ReportingPeriod
    ) async throws -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures]) {
        let arguments: StatementArguments = ["start": period.start, "end": period.end]
        return try await writer.read { db in
            var groups: [GroupKey: ActivityFigures] = [:]
            for row in try Row.fetchAll(db, sql: ReportingQueries.registered, arguments: arguments) {
                groups[GroupKey(row), default: ActivityFigures()].registered = row[2]
            }
            for row in try Row.fetchAll(db, sql: ReportingQueries.active, arguments: arguments) {
                groups[GroupKey(row), default: ActivityFigures()].active = row[2]
            }
            var courses: [CourseKey: ActivityFigures] = [:]
            let courseMeasures: [(String, WritableKeyPath<ActivityFigures, Int>)] = [
                (ReportingQueries.enrolments, \.enrolments),
                (ReportingQueries.lessonCompletions, \.lessonCompletions),
                (ReportingQueries.courseCompletions, \.courseCompletions),
            ]
            for (sql, field) in courseMeasures {
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    courses[CourseKey(row), default: ActivityFigures()][keyPath: field] = row[3]
                }
            }
            for row in try Row.fetchAll(db, sql: ReportingQueries.finalAttempts, arguments: arguments) {
                let key = CourseKey(row)
                courses[key, default: ActivityFigures()].finalAttempts = row[3]
                courses[key, default: ActivityFigures()].passedAttempts = row[4]
                courses[key, default: ActivityFigures()].percentSum = row[5]
            }
            // Course-level counts roll up into their group, so a group's figures are complete on their own
            // (course cells carry no learner counts, so the sum leaves those as they are).
            for (key, figures) in courses {
                groups[key.group] = groups[key.group, default: ActivityFigures()] + figures
            }
            return (
                groups.compactMap { key, figures in
                    LearnerCategory(rawValue: key.category).map {
                        LearnerGroupFigures(unitID: key.unitID, category: $0, figures: figures)
                    }
                }.sorted { ($0.unitID, $0.category) < ($1.unitID, $1.category) },
                courses.compactMap { key, figures in
                    LearnerCategory(rawValue: key.group.category).map {
                        CourseGroupFigures(unitID: key.group.unitID, category: $0, courseID: key.courseID,
                                           figures: figures)
                    }
                }.sorted { ($0.unitID, $0.category, $0.courseID) < ($1.unitID, $1.category, $1.courseID) })
        }
    }

    /// The reporting SQL with its period bound in, for running it elsewhere (the benchmark's `sqlite3` shell).
    public static func reportingSQL(for period: ReportingPeriod) -> [String] {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return ReportingQueries.all.map {
            $0.replacingOccurrences(of: ":start", with: "'\(format.string(from: period.start))'")
                .replacingOccurrences(of: ":end", with: "'\(format.string(from: period.end))'") + ";"
        }
    }
}

private struct GroupKey: Hashable {
    var unitID: String
    var category: String

    init(unitID: String, category: String) {
        self.unitID = unitID
        self.category = category
    }

    init(_ row: Row) {
        unitID = row[0]
        category = row[1]
    }
}

private struct CourseKey: Hashable {
    var group: GroupKey
    var courseID: String

    init(_ row: Row) {
        group = GroupKey(unitID: row[0], category: row[1])
        courseID = row[2]
    }
}

extension AppDatabase {
    public func basicLevelReached(
        category: LearnerCategory, courseIDs: [String], period: ReportingPeriod
    ) async throws -> [CoverageCount] {
        guard !courseIDs.isEmpty else { return [] }
        let placeholders = databaseQuestionMarks(count: courseIDs.count)
        let sql = """
            SELECT l.unitId, COUNT(*), SUM(r.reachedAt >= ?)
            FROM (SELECT learnerId, MAX(completedAt) AS reachedAt FROM courseCompletion
                  WHERE courseId IN (\(placeholders)) AND completedAt < ?
                  GROUP BY learnerId HAVING COUNT(DISTINCT courseId) = ?) AS r
            JOIN learner l ON l.id = r.learnerId
            WHERE l.category = ?
            GROUP BY l.unitId
            """
        var arguments: [(any DatabaseValueConvertible)?] = [period.start]
        arguments += courseIDs
        arguments += [period.end, courseIDs.count, category.rawValue]
        let bound = StatementArguments(arguments)
        return try await writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map {
                CoverageCount(unitID: $0[0], reachedByEnd: $0[1], reachedInPeriod: $0[2])
            }
        }
    }

    public func learnersCompleting(courseIDs: [String], period: ReportingPeriod) async throws -> [String: Int] {
        guard !courseIDs.isEmpty else { return [:] }
        let sql = """
            SELECT l.unitId, COUNT(DISTINCT c.learnerId)
            FROM courseCompletion c JOIN learner l ON l.id = c.learnerId
            WHERE c.courseId IN (\(databaseQuestionMarks(count: courseIDs.count)))
              AND c.completedAt >= ? AND c.completedAt < ?
            GROUP BY l.unitId
            """
        let bound = StatementArguments(courseIDs + [period.start, period.end] as [(any DatabaseValueConvertible)?])
        return try await writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: sql, arguments: bound).map {
                ($0[0] as String, $0[1] as Int)
            })
        }
    }

    public func awardCandidates(
        period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int
    ) async throws -> (named: [AwardCandidate], withheld: Int) {
        let rows = try await awardRows(period: period, minimumCourses: minimumCourses, minimumAverage: minimumAverage)
        var named: [AwardCandidate] = []
        var withheld = 0
        for row in rows {
            guard row["consent"] as Bool? == true, let name = row[1] as String?,
                  let category = LearnerCategory(rawValue: row[3])
            else {
                withheld += 1
                continue
            }
            let completions: Int = row[4]
            let percentSum: Int = row[5]
            named.append(AwardCandidate(
                learnerID: row[0], displayName: name, unitID: row[2], category: category,
                completions: completions, averagePercent: Double(percentSum * 10 / completions) / 10))
        }
        return (named, withheld)
    }

    public func withheldAwardCandidatesByUnit(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int)
        async throws -> [String: Int]?
    {
        let rows = try await awardRows(period: period, minimumCourses: minimumCourses, minimumAverage: minimumAverage)
        var byUnit: [String: Int] = [:]
        for row in rows where row["consent"] as Bool? != true || row[1] as String? == nil {
            byUnit[row[2] as String, default: 0] += 1
        }
        return byUnit
    }

    /// People meeting the individual criteria in the period, with the latest "bao-cao" consent of each (which
    /// decides whether a person may be named), best first.
    private func awardRows(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int) async throws -> [Row] {
        let sql = """
            SELECT l.id, l.displayName, l.unitId, l.category, q.completions, q.percentSum,
                   (SELECT given FROM consentEvent e WHERE e.learnerId = l.id AND e.purpose = 'bao-cao'
                    ORDER BY e.at DESC, e.id DESC LIMIT 1) AS consent
            FROM (SELECT learnerId, COUNT(*) AS completions, SUM(COALESCE(percent, 0)) AS percentSum
                  FROM courseCompletion WHERE completedAt >= :start AND completedAt < :end
                  GROUP BY learnerId
                  HAVING COUNT(*) >= :courses AND SUM(COALESCE(percent, 0)) >= :average * COUNT(*)) AS q
            JOIN learner l ON l.id = q.learnerId
            WHERE l.anonymisedAt IS NULL
            ORDER BY q.completions DESC, q.percentSum * 1.0 / q.completions DESC, l.displayName
            """
        let arguments: StatementArguments = [
            "start": period.start, "end": period.end, "courses": minimumCourses, "average": minimumAverage,
        ]
        return try await writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
    }
}
