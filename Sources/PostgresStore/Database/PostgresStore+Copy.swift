import Foundation
import LearningCore
import Logging
import PostgresNIO
public import StoreSupport

extension PostgresStore {
    /// Called as rows are written: how many are done, out of how many.
    public typealias CopyProgress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Copies a commune's history (read from its SQLite file) into this commune, all or nothing: one transaction
    /// writes every row and then rebuilds the commune's summaries and rollups from its events. Copying the same
    /// history again adds nothing (rows keep their source ids; attempts, completions, units, staff and quiz
    /// closures their own keys), and copying it after the commune went on working adds only the new rows;
    /// learners' details (names, a deletion) are brought up to date.
    public func copy(_ history: CommuneHistory, progress: CopyProgress? = nil) async throws {
        let responses = try history.attempts.map { attempt in
            try attempt.record.result.questions.map { try $0.response.map(ResponseCoding.encode) }
        }
        let logger = logger
        try await transaction { connection in
            var done = 0
            let total = history.rowCount
            func step() {
                done += 1
                if done % 200 == 0 || done == total { progress?(done, total) }
            }
            for unit in history.units {
                try await connection.run("""
                    INSERT INTO unit (id, name, kind, retired_at)
                    VALUES (\(unit.id), \(unit.name), \(unit.kind.rawValue), \(unit.retiredAt))
                    ON CONFLICT (commune_id, id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                        retired_at = COALESCE(excluded.retired_at, unit.retired_at)
                    """, logger)
                step()
            }
            var learnerIDs: [Int64: Int64] = [:]
            for learner in history.learners {
                let row = try await connection.rows("""
                    INSERT INTO learner (source_id, display_name, unit_id, category, phone, pin_hash, created_at,
                                         anonymised_at)
                    VALUES (\(learner.sourceID), \(learner.displayName), \(learner.unitID), \(learner.category),
                            \(learner.phone), \(learner.pinHash), \(learner.createdAt), \(learner.anonymisedAt))
                    ON CONFLICT (commune_id, source_id) DO UPDATE SET display_name = excluded.display_name,
                        unit_id = excluded.unit_id, category = excluded.category, phone = excluded.phone,
                        pin_hash = excluded.pin_hash, anonymised_at = excluded.anonymised_at
                    RETURNING id
                    """, logger)
                learnerIDs[learner.sourceID] = try row.first?.decode(Int64.self)
                step()
            }
            func target(_ sourceID: Int64) throws -> Int64 {
                guard let id = learnerIDs[sourceID] else { throw ProgressError(.unknownLearner, String(sourceID)) }
                return id
            }
            for placement in history.placements {
                try await connection.run("""
                    INSERT INTO learner_placement (source_id, learner_id, unit_id, category, at)
                    VALUES (\(placement.sourceID), \(try target(placement.learnerID)), \(placement.unitID),
                            \(placement.category), \(placement.at))
                    ON CONFLICT (commune_id, source_id) DO NOTHING
                    """, logger)
                step()
            }
            for (sourceID, event) in history.consents {
                try await connection.run("""
                    INSERT INTO consent_event (source_id, learner_id, purpose, notice_version, given, at)
                    VALUES (\(sourceID), \(try target(event.learnerID)), \(event.purpose.rawValue),
                            \(event.noticeVersion), \(event.given), \(event.at))
                    ON CONFLICT (commune_id, source_id) DO NOTHING
                    """, logger)
                step()
            }
            for event in history.lessonEvents {
                try await connection.run("""
                    INSERT INTO lesson_event (source_id, learner_id, course_id, lesson_id, kind, at, unit_id, category)
                    VALUES (\(event.sourceID), \(try target(event.learnerID)), \(event.courseID), \(event.lessonID),
                            \(event.kind), \(event.at), \(event.unitID), \(event.category))
                    ON CONFLICT (commune_id, source_id) DO NOTHING
                    """, logger)
                step()
            }
            for (attempt, answers) in zip(history.attempts, responses) {
                try await Self.insertRows(of: attempt.record, learnerID: try target(attempt.record.learnerID),
                                          submissionID: attempt.submissionID,
                                          recordedIn: (attempt.unitID, attempt.category), responses: answers,
                                          connection, logger)
                step()
            }
            for copied in history.completions {
                let completion = copied.completion
                try await connection.run("""
                    INSERT INTO course_completion (learner_id, course_id, course_version, completed_at, percent,
                                                   verification_code, attempt_id, unit_id, category)
                    VALUES (\(try target(completion.learnerID)), \(completion.courseID), \(completion.courseVersion),
                            \(completion.completedAt), \(completion.percent), \(completion.verificationCode),
                            \(copied.attemptID), \(copied.unitID), \(copied.category))
                    ON CONFLICT DO NOTHING
                    """, logger)
                step()
            }
            for staff in history.staff {
                let account = staff.account
                try await connection.run("""
                    INSERT INTO staff_account (username, display_name, password_hash, role, unit_id, created_at,
                                               disabled_at)
                    VALUES (\(account.username), \(account.displayName), \(staff.passwordHash), \(account.role.rawValue),
                            \(account.unitID), \(account.createdAt), \(account.disabledAt))
                    ON CONFLICT (commune_id, username) DO UPDATE SET display_name = excluded.display_name,
                        password_hash = excluded.password_hash, role = excluded.role, unit_id = excluded.unit_id,
                        disabled_at = excluded.disabled_at
                    """, logger)
                step()
            }
            for closure in history.quizClosures {
                try await connection.run("""
                    INSERT INTO quiz_closure (quiz_id, closed_at) VALUES (\(closure.quizID), \(closure.closedAt))
                    ON CONFLICT DO NOTHING
                    """, logger)
                step()
            }
            for (sourceID, entry) in history.audit {
                let learner = try entry.learnerID.map(target)
                try await connection.run("""
                    INSERT INTO audit_event (source_id, at, staff_name, action, learner_id, detail)
                    VALUES (\(sourceID), \(entry.at), \(entry.staffName), \(entry.action.rawValue), \(learner),
                            \(entry.detail))
                    ON CONFLICT (commune_id, source_id) DO NOTHING
                    """, logger)
                step()
            }
            try await Self.copyOpenAttempts(history.openAttempts, learner: target, step, connection, logger)
            for (key, state) in history.signInFailures {
                // A learner's key names their id, which is the city's own here.
                let cityKey = try SignInService.learnerID(inKey: key).map { SignInService.learnerKey(try target($0)) }
                    ?? key
                try await connection.run("""
                    INSERT INTO sign_in_throttle (key, failures, last_failure_at, locked_until)
                    VALUES (\(cityKey), \(state.failures), \(state.lastFailureAt), \(state.lockedUntil))
                    ON CONFLICT (commune_id, key) DO UPDATE SET failures = excluded.failures,
                        last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until
                    WHERE sign_in_throttle.last_failure_at < excluded.last_failure_at
                    """, logger)
                step()
            }
            try await PostgresRebuild.run(connection, logger)
        }
    }

    /// A copied attempt's row and its answers' rows, unless the commune has an attempt with its id already (then
    /// nothing is written). `responses` are the answers' responses as stored JSON.
    private static func insertRows(
        of record: AttemptRecord, learnerID: Int64, submissionID: String?,
        recordedIn placement: (unitID: String, category: String), responses: [String?],
        _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        let result = record.result
        let inserted = try await connection.run("""
            INSERT INTO attempt (id, learner_id, course_id, course_version, quiz_id, is_final, seed, started_at,
                                 submitted_at, earned_numerator, earned_denominator, possible, percent, pass_mark,
                                 passed, submission_id, unit_id, category)
            VALUES (\(record.attemptID), \(learnerID), \(record.courseID), \(record.courseVersion), \(record.quizID),
                    \(record.isFinalQuiz), \(Int64(bitPattern: record.seed)), \(record.startedAt),
                    \(record.submittedAt), \(result.earned.numerator), \(result.earned.denominator),
                    \(result.possible), \(result.percent), \(result.passMark), \(result.passed), \(submissionID),
                    \(placement.unitID), \(placement.category))
            ON CONFLICT (commune_id, id) DO NOTHING RETURNING 1
            """, logger)
        guard inserted == 1 else { return }
        for (position, question) in result.questions.enumerated() {
            try await connection.run("""
                INSERT INTO attempt_answer (attempt_id, position, question_id, content_hash, response,
                                            credit_numerator, credit_denominator)
                VALUES (\(record.attemptID), \(position), \(question.questionID), \(question.contentHash),
                        \(responses[position]), \(question.creditNumerator), \(question.creditDenominator))
                """, logger)
        }
    }

    /// The attempts still open in the source, with their saved answers (a newer save wins on a second copy);
    /// an attempt submitted since an earlier copy is open no longer.
    private static func copyOpenAttempts(
        _ openAttempts: [CommuneHistory.OpenAttempt], learner target: (Int64) throws -> Int64, _ step: () -> Void,
        _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for open in openAttempts {
            let draft = open.draft
            try await connection.run("""
                INSERT INTO attempt_draft (attempt_id, learner_id, course_id, quiz_id, seed, started_at, deadline)
                SELECT \(draft.attemptID), \(try target(draft.learnerID)), \(draft.courseID), \(draft.quizID),
                       \(Int64(bitPattern: draft.seed)), \(draft.startedAt), \(draft.deadline)
                WHERE NOT EXISTS (SELECT 1 FROM attempt WHERE id = \(draft.attemptID))
                ON CONFLICT DO NOTHING
                """, logger)
            for (question, response) in draft.responses.sorted(by: { $0.key < $1.key }) {
                let savedAt = open.savedAt[question] ?? draft.startedAt
                try await connection.run("""
                    INSERT INTO draft_answer (attempt_id, question_id, response, saved_at)
                    SELECT \(draft.attemptID), \(question), \(try ResponseCoding.encode(response)), \(savedAt)
                    WHERE EXISTS (SELECT 1 FROM attempt_draft WHERE attempt_id = \(draft.attemptID))
                    ON CONFLICT (commune_id, attempt_id, question_id) DO UPDATE SET
                        response = excluded.response, saved_at = excluded.saved_at
                    WHERE draft_answer.saved_at < excluded.saved_at
                    """, logger)
            }
            step()
        }
        try await connection.run("""
            DELETE FROM attempt_draft d WHERE EXISTS (SELECT 1 FROM attempt a WHERE a.id = d.attempt_id)
            """, logger)
    }

    /// How many rows of each kind of history the commune holds.
    public func historyCounts() async throws -> HistoryCounts {
        let logger = logger
        return try await transaction { connection in
            let row = try await connection.rows("""
                SELECT (SELECT COUNT(*) FROM unit), (SELECT COUNT(*) FROM learner),
                       (SELECT COUNT(*) FROM learner_placement), (SELECT COUNT(*) FROM consent_event),
                       (SELECT COUNT(*) FROM lesson_event), (SELECT COUNT(*) FROM attempt),
                       (SELECT COUNT(*) FROM course_completion), (SELECT COUNT(*) FROM staff_account),
                       (SELECT COUNT(*) FROM quiz_closure), (SELECT COUNT(*) FROM audit_event),
                       (SELECT COUNT(*) FROM attempt_draft), (SELECT COUNT(*) FROM sign_in_throttle)
                """, logger).first
            guard let row else { return HistoryCounts() }
            let (units, learners, placements, consents, events, attempts, completions, staff, closures, audit, open,
                 failures) = try row.decode((Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int).self)
            return HistoryCounts(units: units, learners: learners, placements: placements, consents: consents,
                                 lessonEvents: events, attempts: attempts, completions: completions, staff: staff,
                                 quizClosures: closures, audit: audit, openAttempts: open, signInFailures: failures)
        }
    }

    /// Recomputes the commune's summaries and rollups from its raw events, in one transaction.
    public func rebuildSummaries() async throws {
        let logger = logger
        try await transaction { connection in try await PostgresRebuild.run(connection, logger) }
    }
}
