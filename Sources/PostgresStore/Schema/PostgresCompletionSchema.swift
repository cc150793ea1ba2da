/// 009: the rollups of completions that the coverage and award reports read, kept as the SQLite store keeps
/// `basicLevelReach` and `completionYear`, so that a whole reporting year's coverage and awards read one row per
/// person instead of sorting every completion of the commune:
///
/// - `basic_level_course`: the basic level's course lists by category, set from the configuration by
///   `PostgresStore.keepBasicLevel` (the server does it at start);
/// - `basic_level_reach`: each person who completed every course of a list, when (their last completion of it)
///   and in which unit, only when that last completion was recorded in the list's category (the reports' rule).
///   Completions are written once per person and course, so a row never changes once made;
/// - `completion_year`: per person and reporting year, their completions, the sum of their percents, and the
///   unit and category of the last one (by time, then course id in byte order): the award criteria;
/// - `completion_unit_year`: per reporting year, unit and person, the courses they completed there: who
///   completed a course of the unit award's content (a person who moved counts in each unit, as the raw count),
///   their ids in byte order.
///
/// `hoctap_add_completion` keeps them (and the figures, through `hoctap_add_figures`) in the completion's
/// transaction; `hoctap_fill_completion_rollups` and `hoctap_fill_basic_level_reach` make them again from the
/// completions (the migration over existing rows, a rebuild, a benchmark's load).
enum PostgresCompletionSchema {
    private static let commune = PostgresSchema.commune

    static let tables = ["basic_level_course", "basic_level_reach", "completion_year", "completion_unit_year"]

    static let statements: [String] = {
        var statements = [
            """
            CREATE TABLE basic_level_course (
                \(commune), category text NOT NULL, course_id text NOT NULL,
                PRIMARY KEY (commune_id, category, course_id))
            """,
            "CREATE INDEX basic_level_course_on_course ON basic_level_course (commune_id, course_id)",
            """
            CREATE TABLE basic_level_reach (
                \(commune), category text NOT NULL, learner_id bigint NOT NULL, reached_at timestamptz NOT NULL,
                unit_id text NOT NULL,
                PRIMARY KEY (commune_id, category, learner_id))
            """,
            """
            CREATE TABLE completion_year (
                \(commune), year integer NOT NULL, learner_id bigint NOT NULL, completions integer NOT NULL,
                percent_sum bigint NOT NULL, last_at timestamptz NOT NULL, last_course_id text NOT NULL,
                unit_id text NOT NULL, category text NOT NULL,
                PRIMARY KEY (commune_id, year, learner_id))
            """,
            """
            CREATE TABLE completion_unit_year (
                \(commune), year integer NOT NULL, unit_id text NOT NULL, learner_id bigint NOT NULL,
                course_ids text[] NOT NULL,
                PRIMARY KEY (commune_id, year, unit_id, learner_id))
            """,
            addCompletion,
            fillReach,
            fillCompletions,
            // The completions already there, every commune's: the owner steps outside `FORCE` for it, inside the
            // migrating transaction. The lists are empty until a server starts, so no one has reached them yet.
            "ALTER TABLE course_completion NO FORCE ROW LEVEL SECURITY",
            "SELECT hoctap_fill_completion_rollups()",
            "ALTER TABLE course_completion FORCE ROW LEVEL SECURITY",
        ]
        statements += ["hoctap_add_completion", "hoctap_fill_basic_level_reach", "hoctap_fill_completion_rollups"]
            .flatMap(PostgresSchema.appOnly)
        statements += tables.flatMap(PostgresSchema.communeRows)
        // A login of the city's role alone finds the database up to date (and migrates nothing).
        statements.append("GRANT SELECT ON schema_migrations TO \(PostgresMigrations.cityRole)")
        return statements + tables.flatMap(PostgresYearSchema.cityReads)
    }()

    /// Whether completion `(at, course)` comes after `(last_at, last_course_id)` of the `completion_year` row:
    /// later, or at the same moment with a course id greater in byte order (the raw reads' order).
    private static let later = """
        (excluded.last_at > completion_year.last_at OR (excluded.last_at = completion_year.last_at
         AND excluded.last_course_id COLLATE "C" > completion_year.last_course_id))
        """

    /// A course completion recorded (its row already written): counted in the day and year figures, in the
    /// person's award criteria and unit completions for its year, and, for each basic-level list holding the
    /// course, the person reaches it if this completed the list.
    private static let addCompletion = """
        CREATE FUNCTION hoctap_add_completion(
            p_learner_id bigint, p_course_id text, p_percent bigint, p_unit_id text, p_category text,
            p_at timestamptz)
        RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            v_year integer := hoctap_year(hoctap_day(p_at));
        BEGIN
            -- The lists stay as they are until this transaction ends: `keepBasicLevel` takes this lock exclusively
            -- before it changes them and makes the rows again, so no completion falls between the two.
            PERFORM pg_advisory_xact_lock_shared(hashtext('hoctap-basic-level'), hashtext(current_setting('app.commune')));
            PERFORM hoctap_add_figures(p_at, p_unit_id, p_category, p_course_id, 0, 1, 0, 0, 0);
            INSERT INTO completion_year (year, learner_id, completions, percent_sum, last_at, last_course_id,
                                         unit_id, category)
            VALUES (v_year, p_learner_id, 1, COALESCE(p_percent, 0), p_at, p_course_id, p_unit_id, p_category)
            ON CONFLICT (commune_id, year, learner_id) DO UPDATE SET
                completions = completion_year.completions + 1,
                percent_sum = completion_year.percent_sum + excluded.percent_sum,
                unit_id = CASE WHEN \(later) THEN excluded.unit_id ELSE completion_year.unit_id END,
                category = CASE WHEN \(later) THEN excluded.category ELSE completion_year.category END,
                last_course_id = CASE WHEN \(later) THEN excluded.last_course_id
                                      ELSE completion_year.last_course_id END,
                last_at = GREATEST(completion_year.last_at, excluded.last_at);
            INSERT INTO completion_unit_year (year, unit_id, learner_id, course_ids)
            VALUES (v_year, p_unit_id, p_learner_id, ARRAY[p_course_id])
            ON CONFLICT (commune_id, year, unit_id, learner_id) DO UPDATE SET
                course_ids = ARRAY(SELECT id FROM unnest(completion_unit_year.course_ids || excluded.course_ids) AS id
                                   ORDER BY id COLLATE "C");
            INSERT INTO basic_level_reach (category, learner_id, reached_at, unit_id)
            SELECT lists.category, p_learner_id, last.completed_at, last.unit_id
            FROM basic_level_course lists
            CROSS JOIN LATERAL (
                SELECT c.completed_at, c.unit_id, c.category, COUNT(*) OVER () AS completed
                FROM basic_level_course b
                JOIN course_completion c ON c.commune_id = b.commune_id AND c.learner_id = p_learner_id
                                        AND c.course_id = b.course_id
                WHERE b.commune_id = lists.commune_id AND b.category = lists.category
                ORDER BY c.completed_at DESC, c.course_id COLLATE "C" DESC
                LIMIT 1) AS last
            WHERE lists.course_id = p_course_id AND last.category = lists.category
              AND last.completed = (SELECT COUNT(*) FROM basic_level_course x
                                    WHERE x.commune_id = lists.commune_id AND x.category = lists.category)
            ON CONFLICT DO NOTHING;
        END $$
        """

    /// Every person's reach of every list, from the completions (the table emptied first by the caller).
    private static let fillReach = """
        CREATE FUNCTION hoctap_fill_basic_level_reach() RETURNS void LANGUAGE sql AS $$
        INSERT INTO basic_level_reach (commune_id, category, learner_id, reached_at, unit_id)
        SELECT commune_id, list, learner_id, completed_at, unit_id
        FROM (SELECT DISTINCT ON (c.commune_id, b.category, c.learner_id) c.commune_id, b.category AS list,
                     c.learner_id, c.completed_at, c.unit_id, c.category AS recorded,
                     COUNT(*) OVER (PARTITION BY c.commune_id, b.category, c.learner_id) AS completed
              FROM basic_level_course b
              JOIN course_completion c ON c.commune_id = b.commune_id AND c.course_id = b.course_id
              ORDER BY c.commune_id, b.category, c.learner_id, c.completed_at DESC,
                       c.course_id COLLATE "C" DESC) AS last
        WHERE recorded = list
          AND completed = (SELECT COUNT(*) FROM basic_level_course x
                           WHERE x.commune_id = last.commune_id AND x.category = list);
        $$
        """

    /// The year rollups of completions, from the completions (the tables emptied first by the caller).
    private static let fillCompletions = """
        CREATE FUNCTION hoctap_fill_completion_rollups() RETURNS void LANGUAGE sql AS $$
        INSERT INTO completion_year (commune_id, year, learner_id, completions, percent_sum, last_at, last_course_id,
                                     unit_id, category)
        SELECT DISTINCT ON (commune_id, year, learner_id) commune_id, year, learner_id,
               COUNT(*) OVER person, SUM(COALESCE(percent, 0)) OVER person, completed_at, course_id, unit_id,
               category
        FROM (SELECT *, hoctap_year(hoctap_day(completed_at)) AS year FROM course_completion) AS c
        WINDOW person AS (PARTITION BY commune_id, year, learner_id)
        ORDER BY commune_id, year, learner_id, completed_at DESC, course_id COLLATE "C" DESC;
        INSERT INTO completion_unit_year (commune_id, year, unit_id, learner_id, course_ids)
        SELECT commune_id, hoctap_year(hoctap_day(completed_at)), unit_id, learner_id,
               array_agg(course_id ORDER BY course_id COLLATE "C")
        FROM course_completion GROUP BY 1, 2, 3, 4;
        SELECT hoctap_fill_basic_level_reach();
        $$
        """
}
