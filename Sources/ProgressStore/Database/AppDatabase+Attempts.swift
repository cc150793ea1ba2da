public import Foundation
import GRDB
import StoreSupport
public import LearningCore

extension AppDatabase {
    public func openAttempt(_ draft: AttemptDraft, attemptsAllowed: Int?) async throws -> AttemptDraft {
        try await writer.write { db in
            // One writer at a time: the check and the insert are one atomic step, whatever kiosks race.
            if let open = try Self.openDraft(learnerID: draft.learnerID, quizID: draft.quizID, db) {
                return open
            }
            if let allowed = attemptsAllowed {
                let used = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM attempt WHERE learnerId = ? AND quizId = ?",
                    arguments: [draft.learnerID, draft.quizID]) ?? 0
                guard used < allowed else { throw QuizAttemptError.noAttemptsLeft(allowed: allowed) }
            }
            let row = AttemptDraftRow(attemptId: draft.attemptID, learnerId: draft.learnerID, courseId: draft.courseID,
                                      quizId: draft.quizID, seed: Int64(bitPattern: draft.seed),
                                      startedAt: draft.startedAt, deadline: draft.deadline)
            do {
                try row.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw ProgressError(.unknownLearner, String(draft.learnerID))
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw ProgressError(.attemptConflict, draft.attemptID)
            }
            var stored = draft
            stored.responses = [:]
            return stored
        }
    }

    public func openAttempt(learnerID: Int64, quizID: String) async throws -> AttemptDraft? {
        try await writer.read { db in try Self.openDraft(learnerID: learnerID, quizID: quizID, db) }
    }

    public func draft(attemptID: String, learnerID: Int64) async throws -> AttemptDraft? {
        try await writer.read { db in
            guard let row = try AttemptDraftRow.fetchOne(db, key: attemptID), row.learnerId == learnerID else {
                return nil
            }
            return try Self.draft(row, db)
        }
    }

    public func saveDraftAnswer(
        attemptID: String, learnerID: Int64, questionID: String, response: Response, at date: Date
    ) async throws {
        let encoded = try ResponseCoding.encode(response)
        try await writer.write { db in
            // Another learner's attempt, or one already submitted, is not there for this learner.
            guard let row = try AttemptDraftRow.fetchOne(db, key: attemptID), row.learnerId == learnerID else {
                throw LearningError(.attemptNotFound, attemptID)
            }
            try DraftAnswerRow(attemptId: attemptID, questionId: questionID, response: encoded, savedAt: date)
                .upsert(db)
        }
    }

    public func expiredDrafts(at now: Date, limit: Int) async throws -> [AttemptDraft] {
        try await writer.read { db in
            try AttemptDraftRow.filter(Column("deadline") != nil && Column("deadline") < now)
                .order(Column("deadline")).limit(limit).fetchAll(db)
                .map { try Self.draft($0, db) }
        }
    }

    public func openAttempts(learnerID: Int64) async throws -> [AttemptDraft] {
        try await writer.read { db in
            try AttemptDraftRow.filter(Column("learnerId") == learnerID).order(Column("startedAt").desc)
                .fetchAll(db).map { try Self.draft($0, db) }
        }
    }

    /// Writes the graded attempt whole, in one transaction (a savepoint of a group commit) with its answers, the
    /// summaries, the removal of its draft and the completion it earns. A repeat returns the first record and
    /// completion unchanged.
    public func recordAttempt(
        _ record: AttemptRecord, submissionID: String?, completing: CompletionRequirement?
    ) async throws -> RecordedAttempt {
        let answers = try record.result.questions.enumerated().map { position, result in
            try AttemptAnswerRow(attemptID: record.attemptID, position: position, result: result)
        }
        let calendar = calendar
        // Kiosks submitting at once share one synced commit; each is answered once its commit is on disk.
        return try await submissions.write { db in
            if let submissionID,
               let earlier = try AttemptRow.filter(Column("submissionId") == submissionID).fetchOne(db),
               earlier.id != record.attemptID
            {
                // The same submission id for another attempt: a retry of that one only if it is the same quiz.
                guard earlier.learnerId == record.learnerID, earlier.quizId == record.quizID else {
                    throw LearningError(.submissionConflict, submissionID)
                }
                return try Self.recorded(earlier, db)
            }
            if let existing = try AttemptRow.fetchOne(db, key: record.attemptID) {
                guard existing.learnerId == record.learnerID, existing.quizId == record.quizID else {
                    throw ProgressError(.attemptConflict, record.attemptID)
                }
                return try Self.recorded(existing, db)
            }
            guard let placement = try Rollups.placement(learnerID: record.learnerID, db) else {
                throw ProgressError(.unknownLearner, String(record.learnerID))
            }
            var row = AttemptRow(record, submissionID: submissionID)
            row.unitId = placement.unitID
            row.category = placement.category
            do {
                try row.insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw ProgressError(.unknownLearner, String(record.learnerID))
            }
            for answer in answers {
                try answer.insert(db)
            }
            try db.executeCached(sql: "DELETE FROM attemptDraft WHERE attemptId = ?", arguments: [record.attemptID])
            try Summaries.addAttempt(row, db)
            try Rollups.addActivity(learnerID: row.learnerId, courseID: row.courseId, unitID: placement.unitID,
                                    category: placement.category, at: row.submittedAt, calendar: calendar, db)
            if row.isFinal {
                try Rollups.addFigures(at: row.submittedAt, unitID: placement.unitID, category: placement.category,
                                       courseID: row.courseId, finalAttempts: 1, passedAttempts: row.passed ? 1 : 0,
                                       percentSum: row.percent, calendar: calendar, db)
            }
            var completion: CourseCompletion?
            if let completing, record.isFinalQuiz, record.result.passed {
                completion = try Self.completeIfDue(learnerID: record.learnerID, completing, at: record.submittedAt,
                                                    attemptID: record.attemptID, calendar: calendar, db)
            }
            return RecordedAttempt(record: record, wasDuplicate: false, completion: completion)
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

    private static func recorded(_ row: AttemptRow, _ db: Database) throws -> RecordedAttempt {
        let stored = try AttemptAnswerRow.filter(Column("attemptId") == row.id).fetchAll(db)
        let completion = try CourseCompletionRow.filter(Column("attemptId") == row.id).fetchOne(db)?.completion
        return RecordedAttempt(record: try row.record(answers: stored), wasDuplicate: true, completion: completion)
    }

    private static func openDraft(learnerID: Int64, quizID: String, _ db: Database) throws -> AttemptDraft? {
        guard let row = try AttemptDraftRow
            .filter(Column("learnerId") == learnerID && Column("quizId") == quizID)
            .order(Column("startedAt").desc).fetchOne(db)
        else { return nil }
        return try draft(row, db)
    }

    /// An open attempt with the answers saved so far.
    static func draft(_ row: AttemptDraftRow, _ db: Database) throws -> AttemptDraft {
        let answers = try DraftAnswerRow.filter(Column("attemptId") == row.attemptId).fetchAll(db)
        var responses: [String: Response] = [:]
        for answer in answers {
            responses[answer.questionId] = try ResponseCoding.decode(answer.response)
        }
        return AttemptDraft(attemptID: row.attemptId, learnerID: row.learnerId, courseID: row.courseId,
                            quizID: row.quizId, seed: UInt64(bitPattern: row.seed), startedAt: row.startedAt,
                            deadline: row.deadline, responses: responses)
    }
}
