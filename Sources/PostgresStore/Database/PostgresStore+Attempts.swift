public import Foundation
public import LearningCore
import Logging
import PostgresNIO
import StoreSupport

extension PostgresStore {
    /// Stores an attempt at its start, or returns the learner's open one. The learner's row is locked first, so
    /// the count of attempts used and the insert are one step whatever kiosks race.
    public func openAttempt(_ draft: AttemptDraft, attemptsAllowed: Int?) async throws -> AttemptDraft {
        let logger = logger
        return try await transaction { connection in
            guard try await PostgresRollups.placementLocking(learnerID: draft.learnerID, connection, logger) != nil
            else { throw ProgressError(.unknownLearner, String(draft.learnerID)) }
            if let open = try await Self.openDraft(learnerID: draft.learnerID, quizID: draft.quizID, connection, logger) {
                return open
            }
            if let allowed = attemptsAllowed {
                let used = try await connection.rows("""
                    SELECT COUNT(*) FROM attempt WHERE learner_id = \(draft.learnerID) AND quiz_id = \(draft.quizID)
                    """, logger).first?.decode(Int.self) ?? 0
                guard used < allowed else { throw QuizAttemptError.noAttemptsLeft(allowed: allowed) }
            }
            let inserted = try await connection.run("""
                INSERT INTO attempt_draft (attempt_id, learner_id, course_id, quiz_id, seed, started_at, deadline)
                VALUES (\(draft.attemptID), \(draft.learnerID), \(draft.courseID), \(draft.quizID),
                        \(Int64(bitPattern: draft.seed)), \(draft.startedAt), \(draft.deadline))
                ON CONFLICT DO NOTHING RETURNING 1
                """, logger)
            guard inserted == 1 else { throw ProgressError(.attemptConflict, draft.attemptID) }
            var stored = draft
            stored.responses = [:]
            return stored
        }
    }

    public func openAttempt(learnerID: Int64, quizID: String) async throws -> AttemptDraft? {
        let logger = logger
        return try await read { connection in
            try await Self.openDraft(learnerID: learnerID, quizID: quizID, connection, logger)
        }
    }

    public func draft(attemptID: String, learnerID: Int64) async throws -> AttemptDraft? {
        let logger = logger
        return try await read { connection in
            // Read at every answer and submission: prepared once per connection.
            try await connection.first(DraftRead(attemptID: attemptID, learnerID: learnerID), logger)
        }
    }

    /// Saves one answer; another learner's attempt, or one already submitted, is not there for this learner.
    public func saveDraftAnswer(
        attemptID: String, learnerID: Int64, questionID: String, response: Response, at date: Date
    ) async throws {
        let encoded = try ResponseCoding.encode(response)
        let logger = logger
        try await transaction { connection in
            guard try await !connection.rows("""
                SELECT 1 FROM attempt_draft WHERE attempt_id = \(attemptID) AND learner_id = \(learnerID) FOR UPDATE
                """, logger).isEmpty
            else { throw LearningError(.attemptNotFound, attemptID) }
            try await connection.run("""
                INSERT INTO draft_answer (attempt_id, question_id, response, saved_at)
                VALUES (\(attemptID), \(questionID), \(encoded), \(date))
                ON CONFLICT (commune_id, attempt_id, question_id)
                DO UPDATE SET response = excluded.response, saved_at = excluded.saved_at
                """, logger)
        }
    }

    public func expiredDrafts(at now: Date, limit: Int) async throws -> [AttemptDraft] {
        let logger = logger
        return try await transaction { connection in
            try await Self.drafts(.expired(before: now, limit: limit), connection, logger)
        }
    }

    public func openAttempts(learnerID: Int64) async throws -> [AttemptDraft] {
        let logger = logger
        return try await read { connection in
            try await Self.drafts(.learner(learnerID), connection, logger)
        }
    }

    /// Writes the graded attempt whole, in one transaction with its answers, the summaries and rollups, the
    /// removal of its draft and the completion it earns; acknowledged once committed. A repeat (same attempt id,
    /// or same submission id from the same learner and quiz) returns the first record and completion unchanged.
    ///
    /// The writing is one statement, `hoctap_record_attempt` (`AttemptSubmission`): sent alone, one round trip,
    /// unless a passed final quiz may complete the course, whose completion is then written in the same
    /// transaction after it.
    public func recordAttempt(
        _ record: AttemptRecord, submissionID: String?, completing: CompletionRequirement?
    ) async throws -> RecordedAttempt {
        let submission = AttemptSubmission(
            record, submissionID: submissionID,
            responses: try record.result.questions.map { try $0.response.map(ResponseCoding.encode) },
            commune: commune.value)
        let logger = logger
        do {
            let completionMayFollow = completing != nil && record.isFinalQuiz && record.result.passed
            // Alone only on a commune's own session: the function takes the app role itself, which a store of the
            // city's read-only role must not be given (inside its transaction, the function is refused to it).
            if sessionIsTenant && !completionMayFollow {
                switch try await singleStatement({ try await submission.run($0, logger) }) {
                case .recorded:
                    return RecordedAttempt(record: record, wasDuplicate: false, completion: nil)
                case .repeated(let attemptID):
                    return try await transaction { try await Self.recorded(attemptID: attemptID, $0, logger) }
                case let refused:
                    throw Self.refusal(refused, record, submissionID: submissionID)
                }
            }
            return try await transaction { connection in
                switch try await submission.run(connection, logger) {
                case .recorded(let unitID, let category):
                    var completion: CourseCompletion?
                    if let completing, completionMayFollow {
                        completion = try await Self.completeIfDue(
                            learnerID: record.learnerID, completing, at: record.submittedAt,
                            attemptID: record.attemptID, placement: (unitID, category), connection, logger)
                    }
                    return RecordedAttempt(record: record, wasDuplicate: false, completion: completion)
                case .repeated(let attemptID):
                    return try await Self.recorded(attemptID: attemptID, connection, logger)
                case let refused:
                    throw Self.refusal(refused, record, submissionID: submissionID)
                }
            }
        } catch where Self.sqlState(error) == "23505" {
            // Another learner's submission with the same id, committed between the check and the insert.
            throw LearningError(.submissionConflict, submissionID ?? record.attemptID)
        }
    }

    /// The error a refused submission gives.
    private static func refusal(_ outcome: AttemptSubmission.Outcome, _ record: AttemptRecord,
                                submissionID: String?) -> any Error {
        switch outcome {
        case .unknownLearner: ProgressError(.unknownLearner, String(record.learnerID))
        case .submissionConflict: LearningError(.submissionConflict, submissionID ?? record.attemptID)
        default: ProgressError(.attemptConflict, record.attemptID)
        }
    }

    public func attempt(id: String) async throws -> AttemptRecord? {
        let logger = logger
        return try await read { connection in
            try await Self.attemptRecord(id: id, connection, logger)
        }
    }

    public func attemptCount(learnerID: Int64, quizID: String) async throws -> Int {
        let logger = logger
        return try await read { connection in
            try await connection.rows("""
                SELECT COUNT(*) FROM attempt WHERE learner_id = \(learnerID) AND quiz_id = \(quizID)
                """, logger).first?.decode(Int.self) ?? 0
        }
    }

    /// A stored attempt with its answers, in their order.
    static func attemptRecord(id: String, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> AttemptRecord?
    {
        guard let row = try await connection.rows("""
            SELECT learner_id, course_id, course_version, quiz_id, is_final, seed, started_at, submitted_at, pass_mark
            FROM attempt WHERE id = \(id)
            """, logger).first else { return nil }
        let (learner, course, version, quiz, isFinal, seed, startedAt, submittedAt, passMark) =
            try row.decode((Int64, String, Int, String, Bool, Int64, Date, Date, Int).self)
        let questions = try await connection.rows("""
            SELECT question_id, content_hash, response, credit_numerator, credit_denominator FROM attempt_answer
            WHERE attempt_id = \(id) ORDER BY position
            """, logger).map { row in
            let (question, hash, response, numerator, denominator) =
                try row.decode((String, String, String?, Int, Int).self)
            return QuestionResult(questionID: question, contentHash: hash,
                                  response: try response.map(ResponseCoding.decode),
                                  credit: Credit(numerator, over: denominator))
        }
        return AttemptRecord(
            attemptID: id, learnerID: learner, courseID: course, courseVersion: version, quizID: quiz,
            isFinalQuiz: isFinal, seed: UInt64(bitPattern: seed), startedAt: startedAt, submittedAt: submittedAt,
            result: QuizResult(questions: questions, passMark: passMark))
    }

    /// A repeat's answer: the first record and the completion it earned.
    private static func recorded(attemptID: String, _ connection: PostgresConnection, _ logger: Logger) async throws
        -> RecordedAttempt
    {
        guard let record = try await attemptRecord(id: attemptID, connection, logger) else {
            throw ProgressError(.attemptConflict, attemptID)
        }
        let completion = try await connection.rows("""
            SELECT \(unescaped: completionColumns) FROM course_completion WHERE attempt_id = \(attemptID)
            """, logger).first.map(Self.completion)
        return RecordedAttempt(record: record, wasDuplicate: true, completion: completion)
    }

    private static func openDraft(learnerID: Int64, quizID: String, _ connection: PostgresConnection,
                                  _ logger: Logger) async throws -> AttemptDraft? {
        try await drafts(.latest(learnerID: learnerID, quizID: quizID), connection, logger).first
    }

    /// An open attempt's columns, with its saved answers in the same row (one round trip) as two arrays in the
    /// same order, from `attempt_draft d`.
    static let draftColumns = """
        attempt_id, learner_id, course_id, quiz_id, seed, started_at, deadline,
        ARRAY(SELECT question_id FROM draft_answer a WHERE a.attempt_id = d.attempt_id ORDER BY question_id),
        ARRAY(SELECT response FROM draft_answer a WHERE a.attempt_id = d.attempt_id ORDER BY question_id)
        FROM attempt_draft d
        """

    /// An open attempt read from a row of `draftColumns`.
    static func draft(_ row: PostgresRow) throws -> AttemptDraft {
        let (attempt, learner, course, quiz, seed, startedAt, deadline, questions, responses) =
            try row.decode((String, Int64, String, String, Int64, Date, Date?, [String], [String]).self)
        var saved: [String: Response] = [:]
        for (question, response) in zip(questions, responses) {
            saved[question] = try ResponseCoding.decode(response)
        }
        return AttemptDraft(attemptID: attempt, learnerID: learner, courseID: course, quizID: quiz,
                            seed: UInt64(bitPattern: seed), startedAt: startedAt, deadline: deadline,
                            responses: saved)
    }

    /// Which open attempts to read (one by its id: `DraftRead`).
    private enum DraftSelection {
        case latest(learnerID: Int64, quizID: String)
        case learner(Int64)
        case expired(before: Date, limit: Int)

        /// The statement reading them, newest or most overdue first.
        var query: PostgresQuery {
            let columns = PostgresStore.draftColumns
            switch self {
            case .latest(let learnerID, let quizID):
                return """
                    SELECT \(unescaped: columns) WHERE learner_id = \(learnerID) AND quiz_id = \(quizID)
                    ORDER BY started_at DESC, attempt_id LIMIT 1
                    """
            case .learner(let learnerID):
                return "SELECT \(unescaped: columns) WHERE learner_id = \(learnerID) ORDER BY started_at DESC, attempt_id"
            case .expired(let now, let limit):
                return """
                    SELECT \(unescaped: columns) WHERE deadline IS NOT NULL AND deadline < \(now)
                    ORDER BY deadline, attempt_id LIMIT \(limit)
                    """
            }
        }
    }

    /// The open attempts `selection` names, each with its saved answers, read by one statement.
    private static func drafts(_ selection: DraftSelection, _ connection: PostgresConnection,
                               _ logger: Logger) async throws -> [AttemptDraft] {
        try await connection.rows(selection.query, logger).map(draft)
    }
}
