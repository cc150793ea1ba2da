import Foundation
import LearningCore
import Logging
import PostgresNIO

/// One call of `hoctap_record_attempt(…)` (migration 007): a graded attempt written by one statement, alone (its
/// own transaction, one round trip) or inside the store's transaction when a completion may follow it. A prepared
/// statement: each connection parses it once, not at every submission.
struct AttemptSubmission: PostgresPreparedStatement {
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

    static let name = "hoctap_record_attempt_v1"

    static let sql = """
        SELECT outcome, standing_attempt_id, recorded_unit_id, recorded_category FROM hoctap_record_attempt(
            $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::text, $18, $19, $20, $21, $22)
        """

    let record: AttemptRecord
    let submissionID: String?
    /// The answers' responses as stored JSON; a blank travels as "" (arrays carry no NULLs here), which the
    /// function stores as NULL.
    let responses: [String]
    let commune: String

    /// `responses` are the answers' responses as stored JSON, nil for a blank answer.
    init(_ record: AttemptRecord, submissionID: String?, responses: [String?], commune: String) {
        self.record = record
        self.submissionID = submissionID
        self.responses = responses.map { $0 ?? "" }
        self.commune = commune
    }

    func makeBindings() -> PostgresBindings {
        let result = record.result
        let questions = result.questions
        var bindings = PostgresBindings(capacity: 22)
        bindings.append(commune)
        bindings.append(record.attemptID)
        bindings.append(record.learnerID)
        bindings.append(record.courseID)
        bindings.append(record.courseVersion)
        bindings.append(record.quizID)
        bindings.append(record.isFinalQuiz)
        bindings.append(Int64(bitPattern: record.seed))
        bindings.append(record.startedAt)
        bindings.append(record.submittedAt)
        bindings.append(result.earned.numerator)
        bindings.append(result.earned.denominator)
        bindings.append(result.possible)
        bindings.append(result.percent)
        bindings.append(result.passMark)
        bindings.append(result.passed)
        bindings.append(submissionID)
        bindings.append(questions.map(\.questionID))
        bindings.append(questions.map(\.contentHash))
        bindings.append(responses)
        bindings.append(questions.map(\.creditNumerator))
        bindings.append(questions.map(\.creditDenominator))
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Outcome {
        let (outcome, attemptID, unitID, category) = try row.decode((String, String?, String?, String?).self)
        switch (outcome, attemptID, unitID, category) {
        case ("recorded", _, let unit?, let category?): return .recorded(unitID: unit, category: category)
        case ("repeat", let attempt?, _, _): return .repeated(attemptID: attempt)
        case ("unknown-learner", _, _, _): return .unknownLearner
        case ("submission-conflict", _, _, _): return .submissionConflict
        default: return .attemptConflict
        }
    }

    /// Runs the call on `connection` and reads its answer.
    func run(_ connection: PostgresConnection, _ logger: Logger) async throws -> Outcome {
        guard let outcome = try await connection.first(self, logger) else {
            throw ProgressError(.attemptConflict, "hoctap_record_attempt")
        }
        return outcome
    }
}
