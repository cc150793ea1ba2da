/// 004: a graded attempt recorded by one statement, `hoctap_record_attempt(…)`, so that a kiosk's submission is
/// one round trip to the server instead of about fifteen. It writes what the store's Swift path wrote, in the
/// same order and in the caller's transaction (alone, the statement is its own transaction, committed before
/// the answer comes back): the learner's row locked, the duplicate checks, the attempt and its answers, the
/// draft's removal, the course summary, the day's activity and, for a final quiz, the day's figures.
///
/// It takes the role and the commune itself (`set_config(…, true)`, ending with the transaction), so row-level
/// security holds inside it as in every other transaction of the store. It answers one row: what happened
/// (`recorded`, `repeat`, `unknown-learner`, `submission-conflict`, `attempt-conflict`), the attempt that stands
/// (the first one, on a repeat), and the learner's unit and category it was recorded in.
///
/// Numbers come as `bigint` (Swift's `Int`) and are stored in their columns' types. The answers come as
/// parallel arrays in their order; a blank answer's response is the empty string (a stored response is JSON,
/// never empty).
enum PostgresSubmissionFunction {
    static let statements: [String] = [
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
            -- LEAST and GREATEST skip NULLs: a missing best score or pass time never hides a known one.
            INSERT INTO course_progress (learner_id, course_id, first_activity_at, last_activity_at,
                                         lessons_completed, final_attempts, best_percent, passed_final_at)
            VALUES (p_learner_id, p_course_id, p_started_at, p_submitted_at, 0, CASE WHEN p_is_final THEN 1 ELSE 0 END,
                    CASE WHEN p_is_final THEN p_percent END,
                    CASE WHEN p_is_final AND p_passed THEN p_submitted_at END)
            ON CONFLICT (commune_id, learner_id, course_id) DO UPDATE SET
                first_activity_at = LEAST(course_progress.first_activity_at, excluded.first_activity_at),
                last_activity_at = GREATEST(course_progress.last_activity_at, excluded.last_activity_at),
                final_attempts = course_progress.final_attempts + excluded.final_attempts,
                best_percent = GREATEST(course_progress.best_percent, excluded.best_percent),
                passed_final_at = LEAST(course_progress.passed_final_at, excluded.passed_final_at);
            INSERT INTO activity_day (day, unit_id, category, learner_id, course_id)
            VALUES (hoctap_day(p_submitted_at), v_unit, v_category, p_learner_id, p_course_id)
            ON CONFLICT DO NOTHING;
            IF p_is_final THEN
                INSERT INTO day_figures (day, unit_id, category, course_id, final_attempts, passed_attempts,
                                         percent_sum)
                VALUES (hoctap_day(p_submitted_at), v_unit, v_category, p_course_id, 1,
                        CASE WHEN p_passed THEN 1 ELSE 0 END, p_percent)
                ON CONFLICT (commune_id, day, unit_id, category, course_id) DO UPDATE SET
                    final_attempts = day_figures.final_attempts + 1,
                    passed_attempts = day_figures.passed_attempts + excluded.passed_attempts,
                    percent_sum = day_figures.percent_sum + excluded.percent_sum;
            END IF;
            RETURN QUERY SELECT 'recorded'::text, p_attempt_id, v_unit, v_category;
        END $$
        """,
        "REVOKE EXECUTE ON FUNCTION hoctap_record_attempt FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION hoctap_record_attempt TO \(PostgresMigrations.appRole)",
    ]
}
