import Foundation
import GRDB

/// The rollups the reports read, kept by small upserts inside the transaction of the event they count (constant
/// work per event), and rebuilt from the raw events by `rebuild` (`hoctap db rebuild-summaries`):
///
/// - `registrationDay`: per local day, unit and category, the change in learners placed there (a registration
///   +1; a move −1 where the learner was, +1 where they go). Registered by a period's end = the sum before it.
/// - `dayFigures`, `yearFigures`: per local day (and per reporting year), unit, category and course: first lesson
///   completions, course completions, final attempts, passed ones and their percents. `yearFigures` also counts
///   the year's distinct active learners (course `''`) and enrolments (learner-course pairs).
/// - `activityDay`, `activityYear`: each (unit, category, learner, course) active on a day or in a year, for
///   distinct counts over any union of days and years; `activityYear` also keeps the pair's first and last
///   active day of the year, so that a year's first or last days (the running year to date) are counted from
///   it alone.
/// - `completionYear`: per learner and reporting year, completions and their percents (the award criteria),
///   with the unit and category recorded on the year's last completion.
enum Rollups {
    /// The learner's unit and category now: what an event written now records.
    static func placement(learnerID: Int64, _ db: Database) throws -> (unitID: String, category: String)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT unitId, category FROM learner WHERE id = ?"),
                                         arguments: [learnerID])
        else { return nil }
        return (row[0], row[1])
    }

    /// A learner placed in a unit and category at `date`: registered, or moved there (`from` their placement).
    static func addPlacement(learnerID: Int64, unitID: String, category: String, at date: Date,
                             from previous: (unitID: String, category: String)?, calendar: RollupCalendar,
                             _ db: Database) throws {
        try db.executeCached(sql: "INSERT INTO learnerPlacement (learnerId, unitId, category, at) VALUES (?, ?, ?, ?)",
                       arguments: [learnerID, unitID, category, date])
        let day = calendar.day(date)
        if let previous {
            try addRegistration(day: day, unitID: previous.unitID, category: previous.category, delta: -1, db)
        }
        try addRegistration(day: day, unitID: unitID, category: category, delta: 1, db)
    }

    private static func addRegistration(day: Int, unitID: String, category: String, delta: Int,
                                        _ db: Database) throws {
        try db.executeCached(sql: """
            INSERT INTO registrationDay (day, unitId, category, delta) VALUES (?, ?, ?, ?)
            ON CONFLICT (day, unitId, category) DO UPDATE SET delta = delta + excluded.delta
            """, arguments: [day, unitID, category, delta])
    }

    /// A lesson event or an attempt of `learnerID` in `courseID` at `date`: the learner and the pair are active
    /// that day, and in that year from its first to its last active day.
    static func addActivity(learnerID: Int64, courseID: String, unitID: String, category: String, at date: Date,
                            calendar: RollupCalendar, _ db: Database) throws {
        let day = calendar.day(date)
        let year = calendar.reportingYear(ofDay: day)
        try db.executeCached(sql: """
            INSERT INTO activityDay (unitId, category, day, learnerId, courseId) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """, arguments: [unitID, category, day, learnerID, courseID])
        let newDay = db.changesCount == 1
        let (column, bit) = ActiveDays.position(day - calendar.days(ofYear: year).lowerBound)
        try db.executeCached(sql: """
            INSERT INTO activityYear (year, unitId, category, learnerId, courseId, firstDay, lastDay, \(column))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """, arguments: [year, unitID, category, learnerID, courseID, day, day, bit])
        guard db.changesCount == 1 else {
            // Active again on a new day: mark it, and widen the pair's span of days.
            guard newDay else { return }
            try db.executeCached(sql: """
                UPDATE activityYear SET firstDay = MIN(firstDay, :day), lastDay = MAX(lastDay, :day),
                                        \(column) = \(column) | :bit
                WHERE year = :year AND unitId = :unit AND category = :category AND learnerId = :learner
                  AND courseId = :course
                """, arguments: ["day": day, "bit": bit, "year": year, "unit": unitID, "category": category,
                                 "learner": learnerID, "course": courseID])
            return
        }
        // A new pair this year; a new learner too if it is their only pair in this unit and category.
        let pairs = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM activityYear WHERE year = ? AND unitId = ? AND category = ? AND learnerId = ?
            """), arguments: [year, unitID, category, learnerID]) ?? 0
        try addYear(year: year, unitID: unitID, category: category, courseID: courseID, enrolments: 1, db)
        if pairs == 1 {
            try addYear(year: year, unitID: unitID, category: category, courseID: "", active: 1, db)
        }
    }

    /// Counts and sums of one day, unit, category and course, added to its day and its reporting year.
    static func addFigures(at date: Date, unitID: String, category: String, courseID: String,
                           lessonCompletions: Int = 0, courseCompletions: Int = 0, finalAttempts: Int = 0,
                           passedAttempts: Int = 0, percentSum: Int = 0, calendar: RollupCalendar,
                           _ db: Database) throws {
        let day = calendar.day(date)
        let values: [any DatabaseValueConvertible] = [
            unitID, category, courseID, lessonCompletions, courseCompletions, finalAttempts, passedAttempts,
            percentSum,
        ]
        for (table, key) in [("dayFigures", "day"), ("yearFigures", "year")] {
            let bucket = table == "dayFigures" ? day : calendar.reportingYear(ofDay: day)
            try db.executeCached(sql: """
                INSERT INTO \(table) (\(key), unitId, category, courseId, lessonCompletions, courseCompletions,
                                      finalAttempts, passedAttempts, percentSum)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET
                    lessonCompletions = lessonCompletions + excluded.lessonCompletions,
                    courseCompletions = courseCompletions + excluded.courseCompletions,
                    finalAttempts = finalAttempts + excluded.finalAttempts,
                    passedAttempts = passedAttempts + excluded.passedAttempts,
                    percentSum = percentSum + excluded.percentSum
                """, arguments: StatementArguments([bucket] + values))
        }
    }

    private static func addYear(year: Int, unitID: String, category: String, courseID: String, active: Int = 0,
                                enrolments: Int = 0, _ db: Database) throws {
        try db.executeCached(sql: """
            INSERT INTO yearFigures (year, unitId, category, courseId, active, enrolments) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET active = active + excluded.active, enrolments = enrolments + excluded.enrolments
            """, arguments: [year, unitID, category, courseID, active, enrolments])
    }

    /// A lesson completed at `date`: counted if it is the lesson's first completion (by time, then by id), and
    /// the earlier first completion it replaces, if any, uncounted. `previous` is the lesson's first completion
    /// before this event.
    static func addLessonCompletion(learnerID: Int64, courseID: String, lessonID: String, unitID: String,
                                    category: String, at date: Date, previous: Date?, calendar: RollupCalendar,
                                    _ db: Database) throws {
        if let previous {
            guard date < previous else { return }
            // Completed earlier than the completion counted so far (an event written late): move the count.
            if let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT unitId, category FROM lessonEvent
                WHERE learnerId = ? AND courseId = ? AND lessonId = ? AND kind = 'complete' AND at = ?
                ORDER BY id LIMIT 1
                """), arguments: [learnerID, courseID, lessonID, previous]) {
                try addFigures(at: previous, unitID: row[0], category: row[1], courseID: courseID,
                               lessonCompletions: -1, calendar: calendar, db)
            }
        }
        try addFigures(at: date, unitID: unitID, category: category, courseID: courseID, lessonCompletions: 1,
                       calendar: calendar, db)
    }

    /// A course completion: counted in the figures, and in its learner's award criteria for its year.
    static func addCompletion(learnerID: Int64, courseID: String, percent: Int?, unitID: String, category: String,
                              at date: Date, calendar: RollupCalendar, _ db: Database) throws {
        try addFigures(at: date, unitID: unitID, category: category, courseID: courseID, courseCompletions: 1,
                       calendar: calendar, db)
        try db.executeCached(sql: """
            INSERT INTO completionYear (year, learnerId, completions, percentSum, lastAt, lastCourseId, unitId,
                                        category)
            VALUES (?, ?, 1, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET
                completions = completions + 1,
                percentSum = percentSum + excluded.percentSum,
                unitId = CASE WHEN (excluded.lastAt, excluded.lastCourseId) > (lastAt, lastCourseId)
                              THEN excluded.unitId ELSE unitId END,
                category = CASE WHEN (excluded.lastAt, excluded.lastCourseId) > (lastAt, lastCourseId)
                                THEN excluded.category ELSE category END,
                lastCourseId = CASE WHEN (excluded.lastAt, excluded.lastCourseId) > (lastAt, lastCourseId)
                                    THEN excluded.lastCourseId ELSE lastCourseId END,
                lastAt = MAX(lastAt, excluded.lastAt)
            """, arguments: [calendar.reportingYear(ofDay: calendar.day(date)), learnerID, percent ?? 0, date,
                             courseID, unitID, category])
    }

    /// The calendar the rollups of this file are keyed by.
    static func calendar(_ db: Database) throws -> RollupCalendar {
        guard try db.tableExists("rollupCalendar"), let row = try Row.fetchOne(db, sql: """
            SELECT timeZone, deadlineMonth, deadlineDay FROM rollupCalendar WHERE id = 1
            """), let zone = TimeZone(identifier: row[0])
        else { return .campaign }
        return RollupCalendar(timeZone: zone, deadlineMonth: row[1], deadlineDay: row[2])
    }

    /// Every rollup recomputed from the raw events (placements, lesson events, attempts, completions).
    static func rebuild(calendar: RollupCalendar, _ db: Database) throws {
        // The local day and reporting year of an instant, as the write paths compute them.
        let dayFunction = DatabaseFunction("hoctapDay", argumentCount: 1, pure: true) { values in
            guard let seconds = Int.fromDatabaseValue(values[0]) else { return nil }
            return calendar.day(unixSeconds: seconds)
        }
        let yearFunction = DatabaseFunction("hoctapYear", argumentCount: 1, pure: true) { values in
            guard let day = Int.fromDatabaseValue(values[0]) else { return nil }
            return calendar.reportingYear(ofDay: day)
        }
        let yearStartFunction = DatabaseFunction("hoctapYearStart", argumentCount: 1, pure: true) { values in
            guard let year = Int.fromDatabaseValue(values[0]) else { return nil }
            return calendar.days(ofYear: year).lowerBound
        }
        db.add(function: dayFunction)
        db.add(function: yearFunction)
        db.add(function: yearStartFunction)
        defer {
            db.remove(function: dayFunction)
            db.remove(function: yearFunction)
            db.remove(function: yearStartFunction)
        }
        try db.execute(sql: """
            DELETE FROM registrationDay;
            DELETE FROM dayFigures;
            DELETE FROM yearFigures;
            DELETE FROM activityDay;
            DELETE FROM activityYear;
            DELETE FROM completionYear;

            INSERT INTO registrationDay (day, unitId, category, delta)
            SELECT day, unitId, category, SUM(delta) FROM (
                SELECT hoctapDay(unixepoch(at)) AS day, unitId, category, 1 AS delta FROM learnerPlacement
                UNION ALL
                SELECT day, previousUnit, previousCategory, -1 FROM (
                    SELECT hoctapDay(unixepoch(at)) AS day,
                           LAG(unitId) OVER w AS previousUnit, LAG(category) OVER w AS previousCategory
                    FROM learnerPlacement WINDOW w AS (PARTITION BY learnerId ORDER BY at, id))
                WHERE previousUnit IS NOT NULL)
            GROUP BY day, unitId, category;

            CREATE TEMP TABLE rollupActivity AS
            SELECT DISTINCT hoctapDay(unixepoch(at)) AS day, unitId, category, learnerId, courseId
            FROM (SELECT at, unitId, category, learnerId, courseId FROM lessonEvent
                  UNION ALL SELECT submittedAt, unitId, category, learnerId, courseId FROM attempt);
            INSERT INTO activityDay (unitId, category, day, learnerId, courseId)
            SELECT unitId, category, day, learnerId, courseId FROM rollupActivity ORDER BY 1, 2, 3, 4, 5;
            INSERT INTO activityYear (year, unitId, category, learnerId, courseId, firstDay, lastDay,
                                      \(ActiveDays.columns))
            SELECT year, unitId, category, learnerId, courseId, MIN(day), MAX(day), \(ActiveDays.rebuildColumns)
            FROM (SELECT hoctapYear(day) AS year, day - hoctapYearStart(hoctapYear(day)) AS offset, *
                  FROM rollupActivity)
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
            DROP TABLE rollupActivity;

            CREATE TEMP TABLE rollupFigures AS
            SELECT hoctapDay(unixepoch(at)) AS day, unitId, category, courseId, COUNT(*) AS lessonCompletions,
                   0 AS courseCompletions, 0 AS finalAttempts, 0 AS passedAttempts, 0 AS percentSum
            FROM (SELECT unitId, category, courseId, at,
                         ROW_NUMBER() OVER (PARTITION BY learnerId, courseId, lessonId ORDER BY at, id) AS n
                  FROM lessonEvent WHERE kind = 'complete')
            WHERE n = 1 GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT hoctapDay(unixepoch(completedAt)), unitId, category, courseId, 0, COUNT(*), 0, 0, 0
            FROM courseCompletion GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT hoctapDay(unixepoch(submittedAt)), unitId, category, courseId, 0, 0, COUNT(*), SUM(passed),
                   SUM(percent)
            FROM attempt WHERE isFinal GROUP BY 1, 2, 3, 4;
            INSERT INTO dayFigures (day, unitId, category, courseId, lessonCompletions, courseCompletions,
                                    finalAttempts, passedAttempts, percentSum)
            SELECT day, unitId, category, courseId, SUM(lessonCompletions), SUM(courseCompletions),
                   SUM(finalAttempts), SUM(passedAttempts), SUM(percentSum)
            FROM rollupFigures GROUP BY 1, 2, 3, 4;
            INSERT INTO yearFigures (year, unitId, category, courseId, active, enrolments, lessonCompletions,
                                     courseCompletions, finalAttempts, passedAttempts, percentSum)
            SELECT year, unitId, category, courseId, SUM(active), SUM(enrolments), SUM(lessonCompletions),
                   SUM(courseCompletions), SUM(finalAttempts), SUM(passedAttempts), SUM(percentSum)
            FROM (
                SELECT hoctapYear(day) AS year, unitId, category, courseId, 0 AS active, 0 AS enrolments,
                       lessonCompletions, courseCompletions, finalAttempts, passedAttempts, percentSum
                FROM rollupFigures
                UNION ALL
                SELECT year, unitId, category, courseId, 0, COUNT(*), 0, 0, 0, 0, 0
                FROM activityYear GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT year, unitId, category, '', COUNT(DISTINCT learnerId), 0, 0, 0, 0, 0, 0
                FROM activityYear GROUP BY 1, 2, 3)
            GROUP BY 1, 2, 3, 4;
            DROP TABLE rollupFigures;

            INSERT INTO completionYear (year, learnerId, completions, percentSum, lastAt, lastCourseId, unitId,
                                        category)
            SELECT year, learnerId, completions, percentSum, completedAt, courseId, unitId, category
            FROM (SELECT year, learnerId, COUNT(*) AS completions, SUM(COALESCE(percent, 0)) AS percentSum,
                         completedAt, courseId, unitId, category, MAX(completedAt || ' ' || courseId)
                  FROM (SELECT hoctapYear(hoctapDay(unixepoch(completedAt))) AS year, learnerId, percent,
                               courseId, unitId, category, completedAt
                        FROM courseCompletion)
                  GROUP BY year, learnerId);
            """)
        try BasicLevelRollup.rebuild(db)
    }
}
