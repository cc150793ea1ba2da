import Foundation
import Logging
import PostgresNIO

/// The rollups the reports read, kept by small upserts inside the transaction of the event they count (constant
/// work per event), keyed by the campaign's local day (`hoctap_day`):
///
/// - `registration_day`: per day, unit and category, the change in learners placed there (a registration +1; a
///   move −1 where the learner was, +1 where they go). Registered by a period's end = the sum before it.
/// - `day_figures`: per day, unit, category and course: first lesson completions, course completions, final
///   attempts, passed ones and their percents.
/// - `activity_day`: each (unit, category, learner, course) active on a day, for distinct counts over any run
///   of days.
///
/// and in the same statements their reporting-year counterparts (`hoctap_year`, migration 005): `year_groups`
/// (per unit and category: active learners, the change in learners placed there), `year_figures` (per unit,
/// category and course: enrolments and the sums of `day_figures`), counted as `activity_year` and `learner_year`
/// say a pair or a person is new in its year. A concurrent event of the same pair waits on the new row's key
/// and then finds it there, so no pair is counted twice.
///
/// A period of whole local days is counted from these alone, a run of whole reporting years from the year
/// tables (`PostgresStore+Reporting`).
enum PostgresRollups {
    /// The learner's unit and category now (what an event written now records), locking the learner's row so
    /// that one learner's writes happen one at a time. Nil when the commune has no such learner.
    static func placementLocking(learnerID: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> (unitID: String, category: String)?
    {
        try await connection.rows("SELECT unit_id, category FROM learner WHERE id = \(learnerID) FOR UPDATE", logger)
            .first.map { try $0.decode((String, String).self) }
    }

    /// A learner placed in a unit and category at `date`: registered, or moved there (`from` their placement).
    static func addPlacement(learnerID: Int64, unitID: String, category: String, at date: Date,
                             from previous: (unitID: String, category: String)?, _ connection: PostgresConnection,
                             _ logger: Logger) async throws {
        try await connection.run("""
            INSERT INTO learner_placement (learner_id, unit_id, category, at)
            VALUES (\(learnerID), \(unitID), \(category), \(date))
            """, logger)
        if let previous {
            try await addRegistration(at: date, unitID: previous.unitID, category: previous.category, delta: -1,
                                      connection, logger)
        }
        try await addRegistration(at: date, unitID: unitID, category: category, delta: 1, connection, logger)
    }

    private static func addRegistration(at date: Date, unitID: String, category: String, delta: Int,
                                        _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.run("""
            WITH day AS (
                INSERT INTO registration_day (day, unit_id, category, delta)
                VALUES (hoctap_day(\(date)), \(unitID), \(category), \(delta))
                ON CONFLICT (commune_id, day, unit_id, category)
                DO UPDATE SET delta = registration_day.delta + excluded.delta)
            INSERT INTO year_groups (year, unit_id, category, registered_delta)
            VALUES (hoctap_year(hoctap_day(\(date))), \(unitID), \(category), \(delta))
            ON CONFLICT (commune_id, year, unit_id, category)
            DO UPDATE SET registered_delta = year_groups.registered_delta + excluded.registered_delta
            """, logger)
    }

    /// A lesson event or an attempt of `learnerID` in `courseID` at `date`: the pair is active that day (and
    /// perhaps new in its year): `hoctap_add_activity`, migration 007.
    static func addActivity(learnerID: Int64, courseID: String, unitID: String, category: String, at date: Date,
                            _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.run("""
            SELECT hoctap_add_activity(\(learnerID), \(courseID), \(unitID), \(category), \(date))
            """, logger)
    }

    /// Counts and sums of one day, unit, category and course, and of its reporting year: `hoctap_add_figures`,
    /// migration 007.
    static func addFigures(at date: Date, unitID: String, category: String, courseID: String,
                           lessonCompletions: Int = 0, courseCompletions: Int = 0, finalAttempts: Int = 0,
                           passedAttempts: Int = 0, percentSum: Int = 0, _ connection: PostgresConnection,
                           _ logger: Logger) async throws {
        try await connection.run("""
            SELECT hoctap_add_figures(\(date), \(unitID), \(category), \(courseID), \(lessonCompletions),
                                      \(courseCompletions), \(finalAttempts), \(passedAttempts), \(percentSum))
            """, logger)
    }

    /// A course completion just written: counted in the figures, in its learner's award criteria and unit
    /// completions for its year, and in the basic level of each list it completes: `hoctap_add_completion`,
    /// migration 009.
    static func addCompletion(learnerID: Int64, courseID: String, percent: Int?, unitID: String, category: String,
                              at date: Date, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.run("""
            SELECT hoctap_add_completion(\(learnerID), \(courseID), \(percent), \(unitID), \(category), \(date))
            """, logger)
    }

    /// A lesson completed at `date`: counted if it is the lesson's first completion (by time), and the earlier
    /// first completion it replaces, if any, uncounted. `previous` is the lesson's first completion before it.
    static func addLessonCompletion(learnerID: Int64, courseID: String, lessonID: String, unitID: String,
                                    category: String, at date: Date, previous: Date?,
                                    _ connection: PostgresConnection, _ logger: Logger) async throws {
        if let previous {
            guard date < previous else { return }
            // Completed earlier than the completion counted so far (an event written late): move the count.
            if let row = try await connection.rows("""
                SELECT unit_id, category FROM lesson_event
                WHERE learner_id = \(learnerID) AND course_id = \(courseID) AND lesson_id = \(lessonID)
                  AND kind = 'complete' AND at = \(previous)
                ORDER BY id LIMIT 1
                """, logger).first {
                let (unit, recorded) = try row.decode((String, String).self)
                try await addFigures(at: previous, unitID: unit, category: recorded, courseID: courseID,
                                     lessonCompletions: -1, connection, logger)
            }
        }
        try await addFigures(at: date, unitID: unitID, category: category, courseID: courseID, lessonCompletions: 1,
                             connection, logger)
    }
}
