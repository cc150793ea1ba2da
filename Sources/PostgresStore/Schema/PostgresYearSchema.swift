/// The statements of migrations 005 and 006 (`PostgresMigrations`): the rollups of whole reporting years, and
/// the city's reporting role.
enum PostgresYearSchema {
    private static let commune = PostgresSchema.commune

    /// The tables added by 005, rollups like those of 001 (row-level security as 002 gives it).
    static let tables = ["activity_year", "learner_year", "year_figures", "year_groups"]

    /// Tables the reports read, which the city's reporting role may read in every commune (and nothing else).
    static let reportedTables = [
        "unit", "learner", "learner_placement", "consent_event", "lesson_event", "attempt", "course_completion",
        "registration_day", "day_figures", "activity_day",
    ] + tables

    /// 005: per reporting year (the campaign's, ending when 10 December ends in Asia/Ho_Chi_Minh, as the SQLite
    /// store's `RollupCalendar.campaign`), the distinct pairs and people (`activity_year`, `learner_year`: only
    /// written, to tell whether an event's pair or person is new in its year) and small counters kept from them
    /// (`year_figures`: per unit, category and course, the enrolments and the sums of `day_figures`;
    /// `year_groups`: per unit and category, the active learners and the change in learners placed there), so
    /// that a whole year's report reads a few thousand rows, not one per learner, course and day. Filled here
    /// from the day rollups of every commune (the owner steps outside `FORCE` for it, inside this transaction).
    static let yearRollups: [String] = {
        var statements = [
            // Day 0 is 1970-01-01. The day after 10 December plus 21 days is 1 January: the year of day + 21 is
            // the reporting year for a deadline of 10 December.
            """
            CREATE FUNCTION hoctap_year(day integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT EXTRACT(YEAR FROM DATE '1970-01-01' + day + 21)::integer $$
            """,
            """
            CREATE TABLE activity_year (
                \(commune), year integer NOT NULL, unit_id text NOT NULL, category text NOT NULL,
                learner_id bigint NOT NULL, course_id text NOT NULL,
                PRIMARY KEY (commune_id, year, unit_id, category, learner_id, course_id))
            """,
            """
            CREATE TABLE learner_year (
                \(commune), year integer NOT NULL, unit_id text NOT NULL, category text NOT NULL,
                learner_id bigint NOT NULL,
                PRIMARY KEY (commune_id, year, unit_id, category, learner_id))
            """,
            """
            CREATE TABLE year_figures (
                \(commune), year integer NOT NULL, unit_id text NOT NULL, category text NOT NULL,
                course_id text NOT NULL, enrolments integer NOT NULL DEFAULT 0,
                lesson_completions integer NOT NULL DEFAULT 0, course_completions integer NOT NULL DEFAULT 0,
                final_attempts integer NOT NULL DEFAULT 0, passed_attempts integer NOT NULL DEFAULT 0,
                percent_sum bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (commune_id, year, unit_id, category, course_id))
            """,
            """
            CREATE TABLE year_groups (
                \(commune), year integer NOT NULL, unit_id text NOT NULL, category text NOT NULL,
                active integer NOT NULL DEFAULT 0, registered_delta integer NOT NULL DEFAULT 0,
                PRIMARY KEY (commune_id, year, unit_id, category))
            """,
            fillFunction,
            "GRANT EXECUTE ON FUNCTION hoctap_year(integer) TO \(PostgresMigrations.appRole)",
            "GRANT EXECUTE ON FUNCTION hoctap_fill_year_rollups() TO \(PostgresMigrations.appRole)",
        ]
        let days = ["registration_day", "day_figures", "activity_day"]
        statements += days.map { "ALTER TABLE \($0) NO FORCE ROW LEVEL SECURITY" }
        statements.append(fill)
        statements += days.map { "ALTER TABLE \($0) FORCE ROW LEVEL SECURITY" }
        return statements + tables.flatMap(PostgresSchema.communeRows)
    }()

    /// Fills the (empty) year rollups from the day rollups: every commune's in the migration and a benchmark's
    /// load, the transaction's own commune's in a rebuild, where row-level security shows no other.
    static let fill = "SELECT hoctap_fill_year_rollups()"

    /// The function `fill` calls: one definition of how the year rollups follow from the day rollups.
    private static let fillFunction = """
        CREATE FUNCTION hoctap_fill_year_rollups() RETURNS void LANGUAGE sql AS $$
        INSERT INTO activity_year (commune_id, year, unit_id, category, learner_id, course_id)
        SELECT DISTINCT commune_id, hoctap_year(day), unit_id, category, learner_id, course_id FROM activity_day;
        INSERT INTO learner_year (commune_id, year, unit_id, category, learner_id)
        SELECT DISTINCT commune_id, year, unit_id, category, learner_id FROM activity_year;
        INSERT INTO year_figures (commune_id, year, unit_id, category, course_id, enrolments, lesson_completions,
                                  course_completions, final_attempts, passed_attempts, percent_sum)
        SELECT commune_id, year, unit_id, category, course_id, SUM(enrolments), SUM(lessons), SUM(courses),
               SUM(finals), SUM(passed), SUM(percents)
        FROM (SELECT commune_id, year, unit_id, category, course_id, COUNT(*) AS enrolments, 0 AS lessons,
                     0 AS courses, 0 AS finals, 0 AS passed, 0 AS percents
              FROM activity_year GROUP BY commune_id, year, unit_id, category, course_id
              UNION ALL
              SELECT commune_id, hoctap_year(day), unit_id, category, course_id, 0, lesson_completions,
                     course_completions, final_attempts, passed_attempts, percent_sum
              FROM day_figures) AS parts
        GROUP BY commune_id, year, unit_id, category, course_id;
        INSERT INTO year_groups (commune_id, year, unit_id, category, active, registered_delta)
        SELECT commune_id, year, unit_id, category, SUM(active), SUM(delta)
        FROM (SELECT commune_id, year, unit_id, category, COUNT(*) AS active, 0 AS delta
              FROM learner_year GROUP BY commune_id, year, unit_id, category
              UNION ALL
              SELECT commune_id, hoctap_year(day), unit_id, category, 0, delta FROM registration_day) AS parts
        GROUP BY commune_id, year, unit_id, category;
        $$
        """

    /// 006: the city's reporting role `hoctap_city` (made once per server, taken by a store opened for the city
    /// with `SET LOCAL ROLE`): it may read every commune's rows of the tables the reports read (a `SELECT`
    /// policy `USING (true)` beside each commune's own), and write nothing: no other grant, no other table.
    static let cityRole: [String] = {
        let role = PostgresMigrations.cityRole
        var statements = PostgresSchema.role(role) + [
            "GRANT USAGE ON SCHEMA public TO \(role)",
            "GRANT EXECUTE ON FUNCTION hoctap_day(timestamptz) TO \(role)",
            "GRANT EXECUTE ON FUNCTION hoctap_year(integer) TO \(role)",
        ]
        return statements + reportedTables.flatMap(cityReads)
    }()

    /// `table` readable by the city's reporting role in every commune: a `SELECT` policy beside the communes' own.
    static func cityReads(_ table: String) -> [String] {
        [
            "CREATE POLICY city_reads ON \(table) FOR SELECT TO \(PostgresMigrations.cityRole) USING (true)",
            "GRANT SELECT ON \(table) TO \(PostgresMigrations.cityRole)",
        ]
    }
}
