/// 007: what an event adds to the summaries and rollups, and a graded attempt recorded whole, as server
/// functions, so that each is written once (the store's Swift calls the same functions) and a kiosk's submission
/// is one round trip to the server instead of about fifteen.
///
/// - `hoctap_add_course_activity`, `hoctap_add_activity`, `hoctap_add_figures`: the upserts of `course_progress`,
///   of the day and year activity rollups, and of the day and year figures (`PostgresSummaries`,
///   `PostgresRollups` say what each counts). PL/pgSQL, so each session plans their statements once.
/// - `hoctap_record_attempt(…)` writes what the store's Swift path wrote, in the same order and in the caller's
///   transaction (alone, the statement is its own transaction, committed before the answer comes back): the
///   learner's row locked, the duplicate checks, the attempt and its answers, the draft's removal, the course
///   summary, the day's activity and, for a final quiz, the day's figures. It takes the role and the commune
///   itself (`set_config(…, true)`, ending with the transaction), so row-level security holds inside it as in
///   every other transaction of the store; only `hoctap_app` may execute it (so a transaction of the city's
///   read-only role cannot). It answers one row: what happened (`recorded`, `repeat`, `unknown-learner`,
///   `submission-conflict`, `attempt-conflict`), the attempt that stands (the first one, on a repeat), and the
///   learner's unit and category it was recorded in.
///
/// Numbers come as `bigint` (Swift's `Int`) and are stored in their columns' types. The answers come as
/// parallel arrays in their order; a blank answer's response is the empty string (a stored response is JSON,
/// never empty).
enum PostgresEventFunctions {
    static let statements: [String] = [
        // LEAST and GREATEST skip NULLs: a missing best score or pass time never hides a known one.
        """
        CREATE FUNCTION hoctap_add_course_activity(
            p_learner_id bigint, p_course_id text, p_first timestamptz, p_last timestamptz,
            p_lessons_completed bigint, p_final_attempts bigint, p_percent bigint, p_passed_at timestamptz)
        RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO course_progress (learner_id, course_id, first_activity_at, last_activity_at,
                                         lessons_completed, final_attempts, best_percent, passed_final_at)
            VALUES (p_learner_id, p_course_id, p_first, p_last, p_lessons_completed, p_final_attempts, p_percent,
                    p_passed_at)
            ON CONFLICT (commune_id, learner_id, course_id) DO UPDATE SET
                first_activity_at = LEAST(course_progress.first_activity_at, excluded.first_activity_at),
                last_activity_at = GREATEST(course_progress.last_activity_at, excluded.last_activity_at),
                lessons_completed = course_progress.lessons_completed + excluded.lessons_completed,
                final_attempts = course_progress.final_attempts + excluded.final_attempts,
                best_percent = GREATEST(course_progress.best_percent, excluded.best_percent),
                passed_final_at = LEAST(course_progress.passed_final_at, excluded.passed_final_at);
        END $$
        """,
        // Only a pair new on its day can be new in its year; only a new pair can bring a new person.
        """
        CREATE FUNCTION hoctap_add_activity(
            p_learner_id bigint, p_course_id text, p_unit_id text, p_category text, p_at timestamptz)
        RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            WITH fresh AS (
                INSERT INTO activity_day (day, unit_id, category, learner_id, course_id)
                VALUES (hoctap_day(p_at), p_unit_id, p_category, p_learner_id, p_course_id)
                ON CONFLICT DO NOTHING
                RETURNING hoctap_year(day) AS year),
            pair AS (
                INSERT INTO activity_year (year, unit_id, category, learner_id, course_id)
                SELECT year, p_unit_id, p_category, p_learner_id, p_course_id FROM fresh
                ON CONFLICT DO NOTHING
                RETURNING year),
            person AS (
                INSERT INTO learner_year (year, unit_id, category, learner_id)
                SELECT year, p_unit_id, p_category, p_learner_id FROM pair
                ON CONFLICT DO NOTHING
                RETURNING year),
            enrolled AS (
                INSERT INTO year_figures (year, unit_id, category, course_id, enrolments)
                SELECT year, p_unit_id, p_category, p_course_id, 1 FROM pair
                ON CONFLICT (commune_id, year, unit_id, category, course_id)
                DO UPDATE SET enrolments = year_figures.enrolments + 1)
            INSERT INTO year_groups (year, unit_id, category, active)
            SELECT year, p_unit_id, p_category, 1 FROM person
            ON CONFLICT (commune_id, year, unit_id, category) DO UPDATE SET active = year_groups.active + 1;
        END $$
        """,
        """
        CREATE FUNCTION hoctap_add_figures(
            p_at timestamptz, p_unit_id text, p_category text, p_course_id text, p_lesson_completions bigint,
            p_course_completions bigint, p_final_attempts bigint, p_passed_attempts bigint, p_percent_sum bigint)
        RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            WITH day AS (
                INSERT INTO day_figures (day, unit_id, category, course_id, lesson_completions, course_completions,
                                         final_attempts, passed_attempts, percent_sum)
                VALUES (hoctap_day(p_at), p_unit_id, p_category, p_course_id, p_lesson_completions,
                        p_course_completions, p_final_attempts, p_passed_attempts, p_percent_sum)
                ON CONFLICT (commune_id, day, unit_id, category, course_id)
                DO UPDATE SET \(adding(to: "day_figures")))
            INSERT INTO year_figures (year, unit_id, category, course_id, lesson_completions, course_completions,
                                      final_attempts, passed_attempts, percent_sum)
            VALUES (hoctap_year(hoctap_day(p_at)), p_unit_id, p_category, p_course_id, p_lesson_completions,
                    p_course_completions, p_final_attempts, p_passed_attempts, p_percent_sum)
            ON CONFLICT (commune_id, year, unit_id, category, course_id)
            DO UPDATE SET \(adding(to: "year_figures"));
        END $$
        """,
        """
        CREATE FUNCTION hoctap_record_attempt(
            p_commune text, p_attempt_id text, p_learner_id bigint, p_course_id text, p_course_version bigint,
            p_quiz_id text, p_is_final boolean, p_seed bigint, p_started_at timestamptz,
            p_submitted_at timestamptz, p_earned_numerator bigint, p_earned_denominator bigint,
            p_possible bigint, p_percent bigint, p_pass_mark bigint, p_passed boolean, p_submission_id text,
            p_question_ids text[], p_content_hashes text[], p_responses text[], p_credit_numerators bigint[],
            p_credit_denominators bigint[])
        RETURNS TABLE (outcome text, standing_attempt_id text, recorded_unit_id text, recorded_category text)
        LANGUAGE plpgsql AS $$
        DECLARE
            v_unit text;
            v_category text;
            v_earlier record;
        BEGIN
            PERFORM set_config('role', '\(PostgresMigrations.appRole)', true),
                    set_config('app.commune', p_commune, true);
            -- The learner's row locked: their submissions are written one at a time.
            SELECT l.unit_id, l.category INTO v_unit, v_category FROM learner l WHERE l.id = p_learner_id FOR UPDATE;
            IF NOT FOUND THEN
                RETURN QUERY SELECT 'unknown-learner'::text, NULL::text, NULL::text, NULL::text;
                RETURN;
            END IF;
            IF p_submission_id IS NOT NULL THEN
                SELECT a.id, a.learner_id, a.quiz_id INTO v_earlier FROM attempt a
                WHERE a.submission_id = p_submission_id;
                IF FOUND AND v_earlier.id <> p_attempt_id THEN
                    -- The same submission id for another attempt: a retry of that one only if it is the same quiz.
                    IF v_earlier.learner_id = p_learner_id AND v_earlier.quiz_id = p_quiz_id THEN
                        RETURN QUERY SELECT 'repeat'::text, v_earlier.id, v_unit, v_category;
                    ELSE
                        RETURN QUERY SELECT 'submission-conflict'::text, v_earlier.id, v_unit, v_category;
                    END IF;
                    RETURN;
                END IF;
            END IF;
            SELECT a.learner_id, a.quiz_id INTO v_earlier FROM attempt a WHERE a.id = p_attempt_id;
            IF FOUND THEN
                IF v_earlier.learner_id = p_learner_id AND v_earlier.quiz_id = p_quiz_id THEN
                    RETURN QUERY SELECT 'repeat'::text, p_attempt_id, v_unit, v_category;
                ELSE
                    RETURN QUERY SELECT 'attempt-conflict'::text, p_attempt_id, v_unit, v_category;
                END IF;
                RETURN;
            END IF;
            INSERT INTO attempt (id, learner_id, course_id, course_version, quiz_id, is_final, seed, started_at,
                                 submitted_at, earned_numerator, earned_denominator, possible, percent, pass_mark,
                                 passed, submission_id, unit_id, category)
            VALUES (p_attempt_id, p_learner_id, p_course_id, p_course_version, p_quiz_id, p_is_final, p_seed,
                    p_started_at, p_submitted_at, p_earned_numerator, p_earned_denominator, p_possible, p_percent,
                    p_pass_mark, p_passed, p_submission_id, v_unit, v_category);
            INSERT INTO attempt_answer (attempt_id, position, question_id, content_hash, response,
                                        credit_numerator, credit_denominator)
            SELECT p_attempt_id, q.ordinality - 1, q.question_id, q.content_hash, NULLIF(q.response, ''),
                   q.numerator, q.denominator
            FROM unnest(p_question_ids, p_content_hashes, p_responses, p_credit_numerators, p_credit_denominators)
                 WITH ORDINALITY AS q(question_id, content_hash, response, numerator, denominator, ordinality);
            DELETE FROM attempt_draft d WHERE d.attempt_id = p_attempt_id;
            PERFORM hoctap_add_course_activity(
                p_learner_id, p_course_id, p_started_at, p_submitted_at, 0, CASE WHEN p_is_final THEN 1 ELSE 0 END,
                CASE WHEN p_is_final THEN p_percent END, CASE WHEN p_is_final AND p_passed THEN p_submitted_at END);
            PERFORM hoctap_add_activity(p_learner_id, p_course_id, v_unit, v_category, p_submitted_at);
            IF p_is_final THEN
                PERFORM hoctap_add_figures(p_submitted_at, v_unit, v_category, p_course_id, 0, 0, 1,
                                           CASE WHEN p_passed THEN 1 ELSE 0 END, p_percent);
            END IF;
            RETURN QUERY SELECT 'recorded'::text, p_attempt_id, v_unit, v_category;
        END $$
        """,
    ] + ["hoctap_add_course_activity", "hoctap_add_activity", "hoctap_add_figures", "hoctap_record_attempt"]
        .flatMap(PostgresSchema.appOnly)

    /// `column = table.column + excluded.column` for each sum `day_figures` and `year_figures` keep.
    private static func adding(to table: String) -> String {
        ["lesson_completions", "course_completions", "final_attempts", "passed_attempts", "percent_sum"]
            .map { "\($0) = \(table).\($0) + excluded.\($0)" }.joined(separator: ", ")
    }
}
