public import LearningCore
import Logging
import PostgresNIO

extension PostgresStore {
    /// Counted in SQL, in one transaction: each learner's first attempt at the quiz in the period, then per
    /// question the sums of the item and rest scores (and of the sorted pairs, by window functions), and per
    /// question and answer how many attempts gave it (choice ids taken from the stored JSON with `jsonb`).
    public func itemCounts(quizID: String, period: ReportingPeriod) async throws -> QuizItemCounts {
        let binds = Self.itemBinds(quizID: quizID, period: period)
        let logger = logger
        return try await transaction { connection in
            let attempts = try await connection.rows(
                PostgresQuery(unsafeSQL: Self.firstAttempts + "SELECT COUNT(*) FROM analysed", binds: binds), logger)
                .first?.decode(Int.self) ?? 0
            guard attempts > 0 else { return QuizItemCounts(attempts: 0, items: [], answers: []) }
            let items = try await connection.rows(PostgresQuery(unsafeSQL: Self.itemSumsSQL, binds: binds), logger)
                .map { row in
                    let (question, n, unanswered, x, xx, r, rr, xr, sorted) =
                        try row.decode((String, Int, Int, Double, Double, Double, Double, Double, Double).self)
                    return ItemSums(questionID: question, attempts: n, unanswered: unanswered, sumScore: x,
                                    sumScoreSquares: xx, sumRest: r, sumRestSquares: rr, sumProducts: xr,
                                    sumSortedProducts: sorted)
                }
            let choices = try await connection.rows(PostgresQuery(unsafeSQL: Self.choiceCountsSQL, binds: binds),
                                                    logger).map { row in
                let (question, answer, count) = try row.decode((String, String, Int).self)
                return AnswerCount(questionID: question, answer: answer, isChoice: true, count: count)
            }
            let typed = try await connection.rows(PostgresQuery(unsafeSQL: Self.typedCountsSQL, binds: binds),
                                                  logger).map { row in
                let (question, answer, count) = try row.decode((String, String, Int).self)
                return AnswerCount(questionID: question, answer: answer, isChoice: false, count: count)
            }
            return QuizItemCounts(attempts: attempts, items: items, answers: choices + typed)
        }
    }

    /// `$1` the quiz, `$2` and `$3` the period.
    private static func itemBinds(quizID: String, period: ReportingPeriod) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(quizID)
        binds.append(period.start)
        binds.append(period.end)
        return binds
    }

    /// The analysed attempts: per learner, the first one submitted at quiz `$1` within [`$2`, `$3`), with its
    /// score in questions (`total`); and each of their answers scored.
    private static let firstAttempts = """
        WITH analysed AS (
            SELECT DISTINCT ON (learner_id) id, earned_numerator::float8 / earned_denominator AS total
            FROM attempt WHERE quiz_id = $1 AND submitted_at >= $2 AND submitted_at < $3
            ORDER BY learner_id, submitted_at, id),
        scored AS (
            SELECT a.question_id AS q, CASE WHEN a.response IS NULL THEN 1 ELSE 0 END AS unanswered,
                   a.credit_numerator::float8 / a.credit_denominator AS x,
                   f.total - a.credit_numerator::float8 / a.credit_denominator AS r,
                   a.response::jsonb AS response
            FROM analysed f JOIN attempt_answer a ON a.attempt_id = f.id)

        """

    /// Per question: n, unanswered, Σx, Σx², Σr, Σr², Σxr, Σx₍ₖ₎r₍ₖ₎.
    private static let itemSumsSQL = firstAttempts + """
        , xs AS (SELECT q, x, ROW_NUMBER() OVER (PARTITION BY q ORDER BY x) AS k FROM scored),
        rs AS (SELECT q, r, ROW_NUMBER() OVER (PARTITION BY q ORDER BY r) AS k FROM scored),
        sorted AS (SELECT xs.q AS q, SUM(xs.x * rs.r) AS sxr FROM xs JOIN rs ON rs.q = xs.q AND rs.k = xs.k
                   GROUP BY xs.q)
        SELECT s.q, COUNT(*), SUM(s.unanswered), SUM(s.x), SUM(s.x * s.x), SUM(s.r), SUM(s.r * s.r),
               SUM(s.x * s.r), MAX(sorted.sxr)
        FROM scored s JOIN sorted ON sorted.q = s.q
        GROUP BY s.q ORDER BY s.q COLLATE "C"
        """

    /// Per question and choice id: how many responses hold it (`{"choices":{"_0":[…]}}`).
    private static let choiceCountsSQL = firstAttempts + """
        SELECT s.q, c.value, COUNT(*)
        FROM scored s, jsonb_array_elements_text(s.response -> 'choices' -> '_0') AS c(value)
        WHERE s.response IS NOT NULL AND jsonb_typeof(s.response -> 'choices' -> '_0') = 'array'
        GROUP BY s.q, c.value ORDER BY s.q COLLATE "C", c.value COLLATE "C"
        """

    /// Per question, the five answers typed most often (`{"text":{"_0":…}}`, `{"number":{"_0":…}}`).
    private static let typedCountsSQL = firstAttempts + """
        , typed AS (
            SELECT q, COALESCE(response #>> '{text,_0}', response #>> '{number,_0}') AS answer
            FROM scored WHERE response IS NOT NULL AND NOT (response ? 'choices')),
        counted AS (
            SELECT q, answer, COUNT(*) AS n FROM typed WHERE answer IS NOT NULL GROUP BY q, answer),
        ranked AS (
            SELECT q, answer, n, ROW_NUMBER() OVER (PARTITION BY q ORDER BY n DESC, answer COLLATE "C") AS place
            FROM counted)
        SELECT q, answer, n FROM ranked WHERE place <= 5 ORDER BY q COLLATE "C", place
        """
}
