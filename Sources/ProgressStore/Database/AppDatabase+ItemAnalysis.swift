import Foundation
import GRDB
public import LearningCore

extension AppDatabase: ItemAnalysisRepository {
    /// Counted in SQL, one read: each learner's first attempt at the quiz in the period, then per question the
    /// sums of the item and rest scores (and of the sorted pairs, by window functions), and per question and
    /// answer how many attempts gave it (choice ids taken apart from the stored JSON with `json_each`).
    public func itemCounts(quizID: String, period: ReportingPeriod) async throws -> QuizItemCounts {
        let arguments: StatementArguments = [quizID, period.start, period.end]
        return try await writer.read { db in
            let attempts = try Int.fetchOne(db, sql: Self.firstAttempts + "SELECT COUNT(*) FROM analysed",
                                            arguments: arguments) ?? 0
            guard attempts > 0 else { return QuizItemCounts(attempts: 0, items: [], answers: []) }
            let items = try Row.fetchAll(db, sql: Self.itemSumsSQL, arguments: arguments).map { row in
                ItemSums(questionID: row[0], attempts: row[1], unanswered: row[2], sumScore: row[3],
                         sumScoreSquares: row[4], sumRest: row[5], sumRestSquares: row[6], sumProducts: row[7],
                         sumSortedProducts: row[8])
            }
            let choices = try Row.fetchAll(db, sql: Self.choiceCountsSQL, arguments: arguments).map { row in
                AnswerCount(questionID: row[0], answer: row[1], isChoice: true, count: row[2])
            }
            let typed = try Row.fetchAll(db, sql: Self.typedCountsSQL, arguments: arguments).map { row in
                AnswerCount(questionID: row[0], answer: row[1], isChoice: false, count: row[2])
            }
            return QuizItemCounts(attempts: attempts, items: items, answers: choices + typed)
        }
    }

    /// The analysed attempts: per learner, the first one submitted at quiz `?1` within [`?2`, `?3`), with its
    /// score in questions (`total`).
    static let firstAttempts = """
        WITH analysed AS (
            SELECT id, total FROM (
                SELECT id, CAST(earnedNumerator AS REAL) / earnedDenominator AS total,
                       ROW_NUMBER() OVER (PARTITION BY learnerId ORDER BY submittedAt, id) AS nth
                FROM attempt WHERE quizId = ?1 AND submittedAt >= ?2 AND submittedAt < ?3)
            WHERE nth = 1),
        scored AS (
            SELECT a.questionId AS q, a.response IS NULL AS unanswered,
                   CAST(a.creditNumerator AS REAL) / a.creditDenominator AS x,
                   f.total - CAST(a.creditNumerator AS REAL) / a.creditDenominator AS r,
                   a.response AS response
            FROM analysed f JOIN attemptAnswer a ON a.attemptId = f.id)

        """

    /// Per question: n, unanswered, Σx, Σx², Σr, Σr², Σxr, Σx₍ₖ₎r₍ₖ₎.
    static let itemSumsSQL = firstAttempts + """
        , xs AS (SELECT q, x, ROW_NUMBER() OVER (PARTITION BY q ORDER BY x) AS k FROM scored),
        rs AS (SELECT q, r, ROW_NUMBER() OVER (PARTITION BY q ORDER BY r) AS k FROM scored),
        sorted AS (SELECT xs.q AS q, SUM(xs.x * rs.r) AS sxr FROM xs JOIN rs ON rs.q = xs.q AND rs.k = xs.k
                   GROUP BY xs.q)
        SELECT s.q, COUNT(*), SUM(s.unanswered), SUM(s.x), SUM(s.x * s.x), SUM(s.r), SUM(s.r * s.r), SUM(s.x * s.r),
               MAX(sorted.sxr)
        FROM scored s JOIN sorted ON sorted.q = s.q
        GROUP BY s.q ORDER BY s.q
        """

    /// Per question and choice id: how many responses hold it (`{"choices":{"_0":[…]}}`).
    static let choiceCountsSQL = firstAttempts + """
        SELECT s.q, c.value, COUNT(*)
        FROM scored s, json_each(s.response, '$.choices._0') c
        WHERE s.response IS NOT NULL
        GROUP BY s.q, c.value ORDER BY s.q, c.value
        """

    /// Per question, the five answers typed most often (`{"text":{"_0":…}}`, `{"number":{"_0":…}}`).
    static let typedCountsSQL = firstAttempts + """
        , typed AS (
            SELECT q, COALESCE(json_extract(response, '$.text._0'), json_extract(response, '$.number._0')) AS answer
            FROM scored WHERE response IS NOT NULL AND json_type(response, '$.choices') IS NULL),
        counted AS (
            SELECT q, answer, COUNT(*) AS n FROM typed WHERE answer IS NOT NULL GROUP BY q, answer),
        ranked AS (
            SELECT q, answer, n, ROW_NUMBER() OVER (PARTITION BY q ORDER BY n DESC, answer) AS place FROM counted)
        SELECT q, answer, n FROM ranked WHERE place <= 5 ORDER BY q, place
        """
}
