import LearningCore
import Logging
import PostgresNIO

/// One call of `hoctap_record_attempt(…)` (migration 007): a graded attempt written by one statement, alone (its
/// own transaction, one round trip) or inside the store's transaction when a completion may follow it.
struct AttemptSubmission: Sendable {
    /// What the server did with it.
    enum Outcome: Sendable, Equatable {
        /// Written now, in the learner's unit and category at this moment.
        case recorded(unitID: String, category: String)
        /// Already written: `attemptID` is the first record (the same attempt, or the attempt an earlier
        /// submission with the same id wrote).
        case repeated(attemptID: String)
        case unknownLearner
        /// The submission id is another learner's or another quiz's.
        case submissionConflict
        /// The attempt id is another learner's or another quiz's.
        case attemptConflict
    }

    let query: PostgresQuery

    /// `responses` are the answers' responses as stored JSON, nil for a blank answer.
    init(_ record: AttemptRecord, submissionID: String?, responses: [String?], commune: String) {
        let result = record.result
        let questions = result.questions
        // A blank travels as "" (arrays carry no NULLs here); the function stores it as NULL.
        let encoded = responses.map { $0 ?? "" }
        query = """
            SELECT outcome, standing_attempt_id, recorded_unit_id, recorded_category FROM hoctap_record_attempt(
                \(commune), \(record.attemptID), \(record.learnerID), \(record.courseID), \(record.courseVersion),
                \(record.quizID), \(record.isFinalQuiz), \(Int64(bitPattern: record.seed)), \(record.startedAt),
                \(record.submittedAt), \(result.earned.numerator), \(result.earned.denominator), \(result.possible),
                \(result.percent), \(result.passMark), \(result.passed), \(submissionID)::text,
                \(questions.map(\.questionID)), \(questions.map(\.contentHash)), \(encoded),
                \(questions.map(\.creditNumerator)), \(questions.map(\.creditDenominator)))
            """
    }

    /// Runs the call on `connection` and reads its answer.
    func run(_ connection: PostgresConnection, _ logger: Logger) async throws -> Outcome {
        guard let row = try await connection.rows(query, logger).first else {
            throw ProgressError(.attemptConflict, "hoctap_record_attempt")
        }
        let (outcome, attemptID, unitID, category) = try row.decode((String, String?, String?, String?).self)
        switch (outcome, attemptID, unitID, category) {
        case ("recorded", _, let unit?, let category?): return .recorded(unitID: unit, category: category)
        case ("repeat", let attempt?, _, _): return .repeated(attemptID: attempt)
        case ("unknown-learner", _, _, _): return .unknownLearner
        case ("submission-conflict", _, _, _): return .submissionConflict
        default: return .attemptConflict
        }
    }
}
