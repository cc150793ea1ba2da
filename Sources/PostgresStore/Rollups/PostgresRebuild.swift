import Logging
import PostgresNIO

/// The commune's summaries and rollups recomputed from its raw events, inside the caller's transaction (row-level
/// security keeps every statement to the commune): after a copy of its history, and to prove the live upserts.
enum PostgresRebuild {
    static let statements = [
        "DELETE FROM year_groups",
        "DELETE FROM year_figures",
        "DELETE FROM learner_year",
        "DELETE FROM activity_year",
        "DELETE FROM lesson_progress",
        "DELETE FROM course_progress",
        "DELETE FROM registration_day",
        "DELETE FROM day_figures",
        "DELETE FROM activity_day",
        "DELETE FROM completion_year",
        "DELETE FROM completion_unit_year",
        "DELETE FROM basic_level_reach",
        """
        INSERT INTO lesson_progress (learner_id, course_id, lesson_id, visits, first_visited_at, last_visited_at,
                                     completed_at)
        SELECT learner_id, course_id, lesson_id, COUNT(*) FILTER (WHERE kind = 'visit'),
               MIN(at) FILTER (WHERE kind = 'visit'), MAX(at) FILTER (WHERE kind = 'visit'),
               MIN(at) FILTER (WHERE kind = 'complete')
        FROM lesson_event GROUP BY learner_id, course_id, lesson_id
        """,
        """
        INSERT INTO course_progress (learner_id, course_id, first_activity_at, last_activity_at, lessons_completed,
                                     final_attempts, best_percent, passed_final_at)
        SELECT learner_id, course_id, MIN(first_at), MAX(last_at), SUM(lessons), SUM(finals), MAX(best),
               MIN(passed_at)
        FROM (SELECT learner_id, course_id, MIN(at) AS first_at, MAX(at) AS last_at,
                     COUNT(DISTINCT lesson_id) FILTER (WHERE kind = 'complete') AS lessons, 0 AS finals,
                     NULL::integer AS best, NULL::timestamptz AS passed_at
              FROM lesson_event GROUP BY learner_id, course_id
              UNION ALL
              SELECT learner_id, course_id, MIN(started_at), MAX(submitted_at), 0, COUNT(*) FILTER (WHERE is_final),
                     MAX(percent) FILTER (WHERE is_final), MIN(submitted_at) FILTER (WHERE is_final AND passed)
              FROM attempt GROUP BY learner_id, course_id) AS parts
        GROUP BY learner_id, course_id
        """,
        """
        INSERT INTO registration_day (day, unit_id, category, delta)
        SELECT day, unit_id, category, SUM(delta) FROM (
            SELECT hoctap_day(at) AS day, unit_id, category, 1 AS delta FROM learner_placement
            UNION ALL
            SELECT day, previous_unit, previous_category, -1 FROM (
                SELECT hoctap_day(at) AS day, LAG(unit_id) OVER placements AS previous_unit,
                       LAG(category) OVER placements AS previous_category
                FROM learner_placement WINDOW placements AS (PARTITION BY learner_id ORDER BY at, id)) AS moves
            WHERE previous_unit IS NOT NULL) AS changes
        GROUP BY day, unit_id, category
        """,
        """
        INSERT INTO activity_day (day, unit_id, category, learner_id, course_id)
        SELECT DISTINCT hoctap_day(at), unit_id, category, learner_id, course_id
        FROM (SELECT at, unit_id, category, learner_id, course_id FROM lesson_event
              UNION ALL
              SELECT submitted_at, unit_id, category, learner_id, course_id FROM attempt) AS activity
        """,
        """
        INSERT INTO day_figures (day, unit_id, category, course_id, lesson_completions, course_completions,
                                 final_attempts, passed_attempts, percent_sum)
        SELECT day, unit_id, category, course_id, SUM(lessons), SUM(courses), SUM(finals), SUM(passed), SUM(percents)
        FROM (SELECT hoctap_day(at) AS day, unit_id, category, course_id, 1 AS lessons, 0 AS courses, 0 AS finals,
                     0 AS passed, 0 AS percents
              FROM (SELECT DISTINCT ON (learner_id, course_id, lesson_id) unit_id, category, course_id, at
                    FROM lesson_event WHERE kind = 'complete'
                    ORDER BY learner_id, course_id, lesson_id, at, id) AS first_completions
              UNION ALL
              SELECT hoctap_day(completed_at), unit_id, category, course_id, 0, 1, 0, 0, 0 FROM course_completion
              UNION ALL
              SELECT hoctap_day(submitted_at), unit_id, category, course_id, 0, 0, 1,
                     CASE WHEN passed THEN 1 ELSE 0 END, percent
              FROM attempt WHERE is_final) AS figures
        GROUP BY day, unit_id, category, course_id
        """,
        // The completions' rollups (migration 009), for the lists the commune keeps.
        "SELECT hoctap_fill_completion_rollups()",
    ] + [PostgresYearSchema.fill]  // the year rollups, from the day rollups just made

    static func run(_ connection: PostgresConnection, _ logger: Logger) async throws {
        for statement in statements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }
}
