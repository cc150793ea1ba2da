import Foundation
import GRDB
import LearningCore

extension AppDatabase {
    /// Saves one answer of an attempt in progress, creating the draft on its first answer.
    public func saveDraft(_ draft: AttemptDraft, questionID: String, response: Response, at date: Date) async throws {
        let encoded = try ResponseCoding.encode(response)
        try await writer.write { db in
            // A draft for an attempt already submitted is stale (a retried request): ignore it.
            guard try !AttemptRow.exists(db, key: draft.attemptID) else { return }
            try db.execute(
                sql: """
                    INSERT INTO attemptDraft (attemptId, learnerId, courseId, quizId, seed, startedAt)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (attemptId) DO NOTHING
                    """,
                arguments: [draft.attemptID, draft.learnerID, draft.courseID, draft.quizID,
                            Int64(bitPattern: draft.seed), draft.startedAt])
            try DraftAnswerRow(attemptId: draft.attemptID, questionId: questionID, response: encoded, savedAt: date)
                .upsert(db)
        }
    }

    public func draft(attemptID: String) async throws -> AttemptDraft? {
        try await writer.read { db in
            guard let row = try AttemptDraftRow.fetchOne(db, key: attemptID) else { return nil }
            let answers = try DraftAnswerRow.filter(Column("attemptId") == attemptID).fetchAll(db)
            var responses: [String: Response] = [:]
            for answer in answers {
                responses[answer.questionId] = try ResponseCoding.decode(answer.response)
            }
            return AttemptDraft(attemptID: row.attemptId, learnerID: row.learnerId, courseID: row.courseId,
                                quizID: row.quizId, seed: UInt64(bitPattern: row.seed), startedAt: row.startedAt,
                                responses: responses)
        }
    }

    /// Attempts in progress of a learner, newest first (to offer "continue where you stopped").
    public func openDrafts(learnerID: Int64) async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT attemptId FROM attemptDraft WHERE learnerId = ? ORDER BY startedAt DESC",
                                arguments: [learnerID])
        }
    }

    /// Writes the graded attempt whole, in one transaction with its answers, the summaries, and the removal of
    /// its drafts. The same submission id stored before returns the first record unchanged.
    public func recordAttempt(_ record: AttemptRecord) async throws -> RecordedAttempt {
        let answers = try record.result.questions.enumerated().map { position, result in
            try AttemptAnswerRow(attemptID: record.attemptID, position: position, result: result)
        }
        return try await writer.write { db in
            if let existing = try AttemptRow.fetchOne(db, key: record.attemptID) {
                guard existing.learnerId == record.learnerID, existing.quizId == record.quizID else {
                    throw ProgressError(.attemptConflict, record.attemptID)
                }
                let stored = try AttemptAnswerRow.filter(Column("attemptId") == record.attemptID).fetchAll(db)
                return RecordedAttempt(record: try existing.record(answers: stored), wasDuplicate: true)
            }
            let row = AttemptRow(record)
            do {
                try row.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw ProgressError(.unknownLearner, String(record.learnerID))
            }
            for answer in answers {
                try answer.insert(db)
            }
            try db.execute(sql: "DELETE FROM attemptDraft WHERE attemptId = ?", arguments: [record.attemptID])
            try Summaries.addAttempt(row, db)
            return RecordedAttempt(record: record, wasDuplicate: false)
        }
    }

    public func attempt(id: String) async throws -> AttemptRecord? {
        try await writer.read { db in
            guard let row = try AttemptRow.fetchOne(db, key: id) else { return nil }
            return try row.record(answers: AttemptAnswerRow.filter(Column("attemptId") == id).fetchAll(db))
        }
    }

    public func attemptCount(learnerID: Int64, quizID: String) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attempt WHERE learnerId = ? AND quizId = ?",
                             arguments: [learnerID, quizID]) ?? 0
        }
    }
}
