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
            try await PostgresRebuild.run(connection, logger)
        }
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
                       (SELECT COUNT(*) FROM quiz_closure), (SELECT COUNT(*) FROM audit_event)
                """, logger).first
            guard let row else { return HistoryCounts() }
            let (units, learners, placements, consents, events, attempts, completions, staff, closures, audit) =
                try row.decode((Int, Int, Int, Int, Int, Int, Int, Int, Int, Int).self)
            return HistoryCounts(units: units, learners: learners, placements: placements, consents: consents,
                                 lessonEvents: events, attempts: attempts, completions: completions, staff: staff,
                                 quizClosures: closures, audit: audit)
        }
    }

    /// Recomputes the commune's summaries and rollups from its raw events, in one transaction.
    public func rebuildSummaries() async throws {
        let logger = logger
        try await transaction { connection in try await PostgresRebuild.run(connection, logger) }
    }
}
