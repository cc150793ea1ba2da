public import Foundation
import GRDB
public import LearningCore
import StoreSupport

extension AppDatabase: ReportingRepository {
    /// The period's figures per unit and category (learner-level) and per unit, category and course
    /// (course-level), grouped by the unit and category recorded on each event, read in a single snapshot from
    /// the rollups (or from the raw events with `reportingSource == .raw`: the same figures).
    public func figures(
        for period: ReportingPeriod
    ) async throws -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures]) {
        try await figures(for: period, unitID: nil)
    }

    /// One unit's figures for the period: those of `figures(for:)` with that unit, read for that unit alone.
    public func figures(
        for period: ReportingPeriod, unitID: String
    ) async throws -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures]) {
        try await figures(for: period, unitID: Optional(unitID))
    }

    private func figures(
        for period: ReportingPeriod, unitID: String?
    ) async throws -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures]) {
        let source = reportingSource
        let calendar = calendar
        return try await writer.read { db in
            var cells = FigureCells()
            switch source {
            case .raw: try cells.addRaw(period: period, unitID: unitID, db)
            case .rollups: try cells.addRollups(PeriodPieces(period, calendar: calendar), unitID: unitID, db)
            }
            return cells.result()
        }
    }

    /// The reporting SQL over the raw events with its period bound in, for running it elsewhere (the benchmark's
    /// `sqlite3` shell).
    public static func reportingSQL(for period: ReportingPeriod) -> [String] {
        ReportingQueries.all.map {
            $0.replacingOccurrences(of: ":start", with: "'\(sqlInstant(period.start))'")
                .replacingOccurrences(of: ":end", with: "'\(sqlInstant(period.end))'")
                .replacingOccurrences(of: ":unit", with: "NULL") + ";"
        }
    }

    /// An instant as GRDB stores it.
    private static func sqlInstant(_ date: Date) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return format.string(from: date)
    }
}

extension AppDatabase {
    /// Per unit, learners of `category` who completed every course of `courseIDs` by the end of the period (and
    /// how many with the last of them within it), counted in the unit and category recorded on that last
    /// completion. Read from `basicLevelReach` when the file keeps it for exactly these courses (see
    /// `keepBasicLevel`), else from the completions themselves.
    public func basicLevelReached(
        category: LearnerCategory, courseIDs: [String], period: ReportingPeriod
    ) async throws -> [CoverageCount] {
        guard !courseIDs.isEmpty else { return [] }
        if reportingSource == .rollups, let kept = try await writer.read({ db in
            try BasicLevelRollup.reached(category: category.rawValue, courseIDs: courseIDs, period: period, db)
        }) {
            return kept
        }
        let placeholders = databaseQuestionMarks(count: courseIDs.count)
        let sql = """
            SELECT unitId, COUNT(*), SUM(reachedAt >= ?)
            FROM (SELECT learnerId, unitId, category, MAX(completedAt) AS reachedAt FROM courseCompletion
                  WHERE courseId IN (\(placeholders)) AND completedAt < ?
                  GROUP BY learnerId HAVING COUNT(DISTINCT courseId) = ?)
            WHERE category = ?
            GROUP BY unitId
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

    /// Per unit, distinct learners who completed at least one of `courseIDs` in the period there (the unit
    /// recorded on the completion).
    public func learnersCompleting(courseIDs: [String], period: ReportingPeriod) async throws -> [String: Int] {
        guard !courseIDs.isEmpty else { return [:] }
        let sql = """
            SELECT unitId, COUNT(DISTINCT learnerId) FROM courseCompletion
            WHERE courseId IN (\(databaseQuestionMarks(count: courseIDs.count)))
              AND completedAt >= ? AND completedAt < ?
            GROUP BY unitId
            """
        let bound = StatementArguments(courseIDs + [period.start, period.end] as [(any DatabaseValueConvertible)?])
        return try await writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: sql, arguments: bound).map {
                ($0[0] as String, $0[1] as Int)
            })
        }
    }

    /// People whose completions in the period meet the criteria, each shown in the unit and category recorded on
    /// their last completion in it. Whole reporting years are read from `completionYear`, the rest of the period
    /// from the completions themselves.
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
                completions: completions, averagePercent: Percent.of(percentSum, completions * 100) ?? 0))
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

    /// The basic level's course lists by category, from the configuration: the file keeps who reached each
    /// from now on (rebuilt from the completions when the lists differ from the ones it kept). Returns whether
    /// they differed. Called by the commands that write (`hoctap serve`, `db rebuild-summaries`, the demo).
    @discardableResult
    public func keepBasicLevel(_ lists: [LearnerCategory: [String]]) async throws -> Bool {
        let byName = Dictionary(uniqueKeysWithValues: lists.map { ($0.key.rawValue, Set($0.value)) })
        return try await writer.write { db in try BasicLevelRollup.keep(byName, db) }
    }

    /// People meeting the individual criteria in the period, with the latest "bao-cao" consent of each (which
    /// decides whether a person may be named), best first.
    private func awardRows(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int) async throws -> [Row] {
        let pieces = reportingSource == .rollups ? PeriodPieces(period, calendar: calendar) : nil
        if let pieces, pieces.isOneYear {
            // One reporting year: its row per person in `completionYear` is the whole answer.
            return try await writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT l.id, l.displayName, q.unitId, q.category, q.completions, q.percentSum,
                           \(Self.consentColumn)
                    FROM completionYear q JOIN learner l ON l.id = q.learnerId
                    WHERE q.year = ? AND q.completions >= ? AND q.percentSum >= ? * q.completions
                      AND l.anonymisedAt IS NULL
                    \(Self.awardOrder)
                    """, arguments: [pieces.years.lowerBound, minimumCourses, minimumAverage])
            }
        }
        let years = pieces?.years ?? 0..<0
        // The parts of the period outside the whole years.
        let rest: [ReportingPeriod] = if let span = pieces?.yearSpan {
            [ReportingPeriod(start: period.start, end: span.start), ReportingPeriod(start: span.end, end: period.end)]
        } else {
            [period, ReportingPeriod(start: period.end, end: period.end)]
        }
        // The latest "bao-cao" consent decides whether a person may be named.
        let sql = """
            SELECT l.id, l.displayName, q.unitId, q.category, q.completions, q.percentSum, \(Self.consentColumn)
            FROM (SELECT learnerId, SUM(n) AS completions, SUM(p) AS percentSum, unitId, category, MAX(lastKey)
                  FROM (SELECT learnerId, completions AS n, percentSum AS p, unitId, category,
                               lastAt || ' ' || lastCourseId AS lastKey
                        FROM completionYear WHERE year >= :firstYear AND year < :endYear
                        UNION ALL
                        SELECT learnerId, 1, COALESCE(percent, 0), unitId, category, completedAt || ' ' || courseId
                        FROM courseCompletion
                        WHERE (completedAt >= :start1 AND completedAt < :end1)
                           OR (completedAt >= :start2 AND completedAt < :end2))
                  GROUP BY learnerId
                  HAVING SUM(n) >= :courses AND SUM(p) >= :average * SUM(n)) AS q
            JOIN learner l ON l.id = q.learnerId
            WHERE l.anonymisedAt IS NULL
            \(Self.awardOrder)
            """
        let arguments: StatementArguments = [
            "firstYear": years.lowerBound, "endYear": years.upperBound,
            "start1": rest[0].start, "end1": rest[0].end, "start2": rest[1].start, "end2": rest[1].end,
            "courses": minimumCourses, "average": minimumAverage,
        ]
        return try await writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// The latest "bao-cao" consent of learner `l`: whether they may be named.
    private static let consentColumn = """
        (SELECT given FROM consentEvent e WHERE e.learnerId = l.id AND e.purpose = 'bao-cao'
         ORDER BY e.at DESC, e.id DESC LIMIT 1) AS consent
        """

    /// Best first: most completions, then the highest average, then by name.
    private static let awardOrder =
        "ORDER BY q.completions DESC, q.percentSum * 1.0 / q.completions DESC, l.displayName, l.id"
}

/// How the SQLite store reads the figures into the cells both stores share.
extension FigureCells {
    /// The figures from aggregate SQL over the raw events (`ReportingQueries`).
    fileprivate mutating func addRaw(period: ReportingPeriod, unitID: String?, _ db: Database) throws {
        let arguments: StatementArguments = ["start": period.start, "end": period.end, "unit": unitID]
        for row in try Row.fetchAll(db, sql: ReportingQueries.registered, arguments: arguments) {
            groups[group(row), default: ActivityFigures()].registered += row[2]
        }
        for row in try Row.fetchAll(db, sql: ReportingQueries.active, arguments: arguments) {
            groups[group(row), default: ActivityFigures()].active += row[2]
        }
        let courseMeasures: [(String, WritableKeyPath<ActivityFigures, Int>)] = [
            (ReportingQueries.enrolments, \.enrolments),
            (ReportingQueries.lessonCompletions, \.lessonCompletions),
            (ReportingQueries.courseCompletions, \.courseCompletions),
        ]
        for (sql, field) in courseMeasures {
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                courses[course(row), default: ActivityFigures()][keyPath: field] += row[3]
            }
        }
        for row in try Row.fetchAll(db, sql: ReportingQueries.finalAttempts, arguments: arguments) {
            addAttempts(row)
        }
    }

    /// The figures from the rollups: whole years and days from `yearFigures` and `dayFigures`, distinct counts
    /// from the per-person rows, and the partial days at the ends from the raw events.
    fileprivate mutating func addRollups(_ pieces: PeriodPieces, unitID: String?, _ db: Database) throws {
        // Registered: the placements' net changes before the end's day, then those of that day up to the end.
        for row in try Row.fetchAll(db, sql: """
            SELECT unitId, category, SUM(delta) FROM registrationDay
            WHERE day < ? \(Self.unitClause(unitID)) GROUP BY unitId, category
            """, arguments: StatementArguments([pieces.registrationDay] + Self.unitArguments(unitID))) {
            groups[group(row), default: ActivityFigures()].registered += row[2]
        }
        if let edge = pieces.registrationEdge {
            for row in try Row.fetchAll(db, sql: """
                SELECT p.unitId, p.category, q.unitId, q.category
                FROM learnerPlacement p
                LEFT JOIN learnerPlacement q ON q.id = (
                    SELECT id FROM learnerPlacement x WHERE x.learnerId = p.learnerId
                      AND (x.at < p.at OR (x.at = p.at AND x.id < p.id))
                    ORDER BY x.at DESC, x.id DESC LIMIT 1)
                WHERE p.at >= ? AND p.at < ?
                """, arguments: [edge.start, edge.end]) {
                if unitID == nil || row[0] == unitID {
                    groups[group(row), default: ActivityFigures()].registered += 1
                }
                if let unit = row[2] as String?, unitID == nil || unit == unitID {
                    groups[Group(unitID: unit, category: row[3]), default: ActivityFigures()].registered -= 1
                }
            }
        }
        // Sums: whole years, runs of days (a long run as its year less the days around it), then the ends.
        let sums = """
            SUM(lessonCompletions), SUM(courseCompletions), SUM(finalAttempts), SUM(passedAttempts),
            SUM(percentSum)
            """
        let yearSQL = """
            SELECT unitId, category, courseId, \(sums), SUM(active), SUM(enrolments) FROM yearFigures
            WHERE year >= ? AND year < ? \(Self.unitClause(unitID)) GROUP BY unitId, category, courseId
            """
        let daySQL = """
            SELECT unitId, category, courseId, \(sums) FROM dayFigures
            WHERE day >= ? AND day < ? \(Self.unitClause(unitID)) GROUP BY unitId, category, courseId
            """
        var reads: [(sql: String, arguments: StatementArguments, sign: Int)] = []
        func read(_ sql: String, _ range: Range<Int>, sign: Int = 1) {
            reads.append((sql, StatementArguments([range.lowerBound, range.upperBound] + Self.unitArguments(unitID)),
                          sign))
        }
        if !pieces.years.isEmpty {
            read(yearSQL, pieces.years)
        }
        for segment in pieces.daySegments {
            let complement = segment.complement
            if complement.map(\.count).reduce(0, +) < segment.days.count {
                read(yearSQL, segment.year..<segment.year + 1)
                for days in complement {
                    read(daySQL, days, sign: -1)
                }
            } else {
                read(daySQL, segment.days)
            }
        }
        for read in reads {
            for row in try Row.fetchAll(db, sql: read.sql, arguments: read.arguments) {
                let sign = read.sign
                if row[2] as String == "" {
                    // A year's distinct learners: its own when the period is that year, else counted below.
                    if pieces.isOneYear { groups[group(row), default: ActivityFigures()].active += row[8] }
                } else {
                    var figures = ActivityFigures(
                        lessonCompletions: sign * (row[3] as Int), courseCompletions: sign * (row[4] as Int),
                        finalAttempts: sign * (row[5] as Int), passedAttempts: sign * (row[6] as Int), percentSum: sign * (row[7] as Int))
                    if pieces.isOneYear { figures.enrolments = row[9] }
                    courses[course(row)] = courses[course(row), default: ActivityFigures()] + figures
                }
            }
        }
        for edge in pieces.edges {
            let arguments: StatementArguments = ["start": edge.start, "end": edge.end, "unit": unitID]
            // First completions of lessons in the edge, in the unit recorded on the completing event.
            for row in try Row.fetchAll(db, sql: """
                SELECT e.unitId, e.category, p.courseId, COUNT(*)
                FROM lessonProgress p JOIN lessonEvent e ON e.id = (
                    SELECT id FROM lessonEvent x WHERE x.learnerId = p.learnerId AND x.courseId = p.courseId
                      AND x.lessonId = p.lessonId AND x.kind = 'complete' AND x.at = p.completedAt
                    ORDER BY x.id LIMIT 1)
                WHERE p.completedAt >= :start AND p.completedAt < :end AND (:unit IS NULL OR e.unitId = :unit)
                GROUP BY e.unitId, e.category, p.courseId
                """, arguments: arguments) {
                courses[course(row), default: ActivityFigures()].lessonCompletions += row[3]
            }
            for row in try Row.fetchAll(db, sql: ReportingQueries.courseCompletions, arguments: arguments) {
                courses[course(row), default: ActivityFigures()].courseCompletions += row[3]
            }
            for row in try Row.fetchAll(db, sql: ReportingQueries.finalAttempts, arguments: arguments) {
                addAttempts(row)
            }
        }
        if !pieces.isOneYear {
            try addDistinct(pieces, unitID: unitID, db)
        }
    }

    /// Active learners and enrolments over a union of years, days and edges: distinct (unit, category,
    /// course, learner) rows from each piece, counted once.
    private mutating func addDistinct(_ pieces: PeriodPieces, unitID: String?, _ db: Database) throws {
        if try addDistinctFromOneYear(pieces, unitID: unitID, db) { return }
        var selects: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if !pieces.years.isEmpty {
            selects.append("""
                SELECT unitId, category, courseId, learnerId FROM activityYear
                WHERE year >= ? AND year < ? \(Self.unitClause(unitID))
                """)
            arguments += [pieces.years.lowerBound, pieces.years.upperBound] + Self.unitArguments(unitID)
        }
        for segment in pieces.daySegments {
            if segment.startsYear || segment.endsYear {
                // The year to date, or the rest of a year: each pair's span of active days in that year says.
                selects.append("""
                    SELECT unitId, category, courseId, learnerId FROM activityYear
                    WHERE year = ? \(Self.unitClause(unitID))
                      AND \(segment.startsYear ? "firstDay < ?" : "lastDay >= ?")
                    """)
                arguments += [segment.year] + Self.unitArguments(unitID)
                    + [segment.startsYear ? segment.days.upperBound : segment.days.lowerBound]
            } else {
                // Days inside the year: each pair's bitmap of active days says.
                selects.append("""
                    SELECT unitId, category, courseId, learnerId FROM activityYear
                    WHERE year = ? \(Self.unitClause(unitID)) AND \(ActiveDays.anyDay(in: segment.offsets))
                    """)
                arguments += [segment.year] + Self.unitArguments(unitID)
            }
        }
        for edge in pieces.edges {
            selects.append("""
                SELECT unitId, category, courseId, learnerId FROM lessonEvent
                WHERE at >= ? AND at < ? \(Self.unitClause(unitID))
                UNION
                SELECT unitId, category, courseId, learnerId FROM attempt
                WHERE submittedAt >= ? AND submittedAt < ? \(Self.unitClause(unitID))
                """)
            arguments += [edge.start, edge.end] + Self.unitArguments(unitID) + [edge.start, edge.end]
                + Self.unitArguments(unitID)
        }
        guard !selects.isEmpty else { return }
        let sql = """
            WITH s AS MATERIALIZED (
                SELECT DISTINCT unitId, category, courseId, learnerId
                FROM (\(selects.joined(separator: "\nUNION ALL\n"))))
            SELECT unitId, category, courseId, COUNT(*) FROM s GROUP BY unitId, category, courseId
            UNION ALL
            SELECT unitId, category, NULL, COUNT(DISTINCT learnerId) FROM s GROUP BY unitId, category
            """
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
            add(distinct: row)
        }
    }

    /// Active learners and enrolments when the whole days of the period are one reporting year or lie inside
    /// one (the year to date: what the dashboard shows), plus the partial days at the ends: `activityYear`'s
    /// rows of that year are already one per (unit, category, learner, course), so they are counted as they
    /// are, and only what the partial days add (people and pairs not among those rows) is read from the raw
    /// events. Returns false for any other period.
    private mutating func addDistinctFromOneYear(_ pieces: PeriodPieces, unitID: String?, _ db: Database) throws
        -> Bool
    {
        let year: Int
        var span = ""  // which of the year's pairs are in the period
        var arguments: [String: (any DatabaseValueConvertible)?] = ["unit": unitID]
        if pieces.years.count == 1 && pieces.daySegments.isEmpty {
            year = pieces.years.lowerBound
        } else if pieces.years.isEmpty, pieces.daySegments.count == 1, let segment = pieces.daySegments.first {
            year = segment.year
            if segment.startsYear {
                span = "AND y.firstDay < :day"
                arguments["day"] = segment.days.upperBound
            } else if segment.endsYear {
                span = "AND y.lastDay >= :day"
                arguments["day"] = segment.days.lowerBound
            } else {
                span = "AND " + ActiveDays.anyDay(in: segment.offsets, table: "y")
            }
        } else {
            return false
        }
        arguments["year"] = year
        let unit = unitID == nil ? "" : "AND y.unitId = :unit"
        let pairs = "FROM activityYear y WHERE y.year = :year \(unit) \(span)"
        for row in try Row.fetchAll(db, sql: """
            SELECT y.unitId, y.category, y.courseId, COUNT(*) \(pairs) GROUP BY y.unitId, y.category, y.courseId
            UNION ALL
            SELECT unitId, category, NULL, COUNT(*)
            FROM (SELECT DISTINCT y.unitId, y.category, y.learnerId \(pairs)) GROUP BY unitId, category
            """, arguments: StatementArguments(arguments)) {
            add(distinct: row)
        }
        guard !pieces.edges.isEmpty else { return true }
        var edges: [String] = []
        for (index, edge) in pieces.edges.enumerated() {
            arguments["start\(index)"] = edge.start
            arguments["end\(index)"] = edge.end
            let unitFilter = unitID == nil ? "" : "AND unitId = :unit"
            edges.append("""
                SELECT unitId, category, courseId, learnerId FROM lessonEvent
                WHERE at >= :start\(index) AND at < :end\(index) \(unitFilter)
                UNION ALL
                SELECT unitId, category, courseId, learnerId FROM attempt
                WHERE submittedAt >= :start\(index) AND submittedAt < :end\(index) \(unitFilter)
                """)
        }
        let known = """
            SELECT 1 FROM activityYear y WHERE y.year = :year AND y.unitId = e.unitId AND y.category = e.category
              AND y.learnerId = e.learnerId \(span)
            """
        for row in try Row.fetchAll(db, sql: """
            WITH e AS MATERIALIZED (
                SELECT DISTINCT unitId, category, courseId, learnerId
                FROM (\(edges.joined(separator: "\nUNION ALL\n"))))
            SELECT unitId, category, courseId, COUNT(*) FROM e
            WHERE NOT EXISTS (\(known) AND y.courseId = e.courseId)
            GROUP BY unitId, category, courseId
            UNION ALL
            SELECT unitId, category, NULL, COUNT(DISTINCT learnerId) FROM e
            WHERE NOT EXISTS (\(known))
            GROUP BY unitId, category
            """, arguments: StatementArguments(arguments)) {
            add(distinct: row)
        }
        return true
    }

    /// A distinct count read as (unit, category, course or NULL, count): enrolments of a course, or active
    /// learners of the group.
    private mutating func add(distinct row: Row) {
        if let courseID = row[2] as String? {
            courses[Cell(group: group(row), courseID: courseID), default: ActivityFigures()].enrolments += row[3]
        } else {
            groups[group(row), default: ActivityFigures()].active += row[3]
        }
    }

    /// `AND unitId = ?` for one unit, nothing for the whole commune: SQLite uses no index for
    /// `? IS NULL OR unitId = ?`, so one unit's figures would read every unit's rows.
    private static func unitClause(_ unitID: String?) -> String { unitID == nil ? "" : "AND unitId = ?" }

    /// The argument of `unitClause`.
    private static func unitArguments(_ unitID: String?) -> [(any DatabaseValueConvertible)?] {
        unitID.map { [$0] } ?? []
    }

    private mutating func addAttempts(_ row: Row) {
        let key = course(row)
        courses[key, default: ActivityFigures()].finalAttempts += row[3]
        courses[key, default: ActivityFigures()].passedAttempts += row[4]
        courses[key, default: ActivityFigures()].percentSum += row[5]
    }

    private func group(_ row: Row) -> Group { Group(unitID: row[0], category: row[1]) }
    private func course(_ row: Row) -> Cell { Cell(group: group(row), courseID: row[2]) }
}

extension ActivityFigures {
    fileprivate init(lessonCompletions: Int, courseCompletions: Int, finalAttempts: Int, passedAttempts: Int,
                     percentSum: Int) {
        self.init()
        self.lessonCompletions = lessonCompletions
        self.courseCompletions = courseCompletions
        self.finalAttempts = finalAttempts
        self.passedAttempts = passedAttempts
        self.percentSum = percentSum
    }
}
