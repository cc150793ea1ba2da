public import Foundation
import GRDB
public import LearningCore
public import StoreSupport

extension AppDatabase {
    /// The commune's whole history (`CommuneHistory`), read in one snapshot: what `hoctap db copy` moves into
    /// the city's database.
    public func history() async throws -> CommuneHistory {
        try await writer.read { db in
            var history = CommuneHistory()
            history.units = try UnitRecord.order(Column("id")).fetchAll(db).compactMap(\.unit)
            history.learners = try LearnerRecord.order(Column("id")).fetchAll(db).map {
                CommuneHistory.Learner(sourceID: $0.id!, displayName: $0.displayName, unitID: $0.unitId,
                                       category: $0.category, phone: $0.phone, pinHash: $0.pinHash,
                                       createdAt: $0.createdAt, anonymisedAt: $0.anonymisedAt)
            }
            history.placements = try Row.fetchAll(db, sql: """
                SELECT id, learnerId, unitId, category, at FROM learnerPlacement ORDER BY id
                """).map { CommuneHistory.Placement(sourceID: $0[0], learnerID: $0[1], unitID: $0[2], category: $0[3],
                                                     at: $0[4]) }
            history.consents = try ConsentEventRecord.order(Column("id")).fetchAll(db).compactMap { record in
                record.event.map { (sourceID: record.id!, event: $0) }
            }
            history.lessonEvents = try Row.fetchAll(db, sql: """
                SELECT id, learnerId, courseId, lessonId, kind, at, unitId, category FROM lessonEvent ORDER BY id
                """).map { CommuneHistory.LessonEvent(sourceID: $0[0], learnerID: $0[1], courseID: $0[2],
                                                       lessonID: $0[3], kind: $0[4], at: $0[5], unitID: $0[6],
                                                       category: $0[7]) }
            var answers: [String: [AttemptAnswerRow]] = [:]
            for answer in try AttemptAnswerRow.fetchAll(db) { answers[answer.attemptId, default: []].append(answer) }
            history.attempts = try AttemptRow.order(Column("submittedAt"), Column("id")).fetchAll(db).map { row in
                CommuneHistory.Attempt(record: try row.record(answers: answers[row.id] ?? []),
                                       submissionID: row.submissionId, unitID: row.unitId ?? "",
                                       category: row.category ?? "")
            }
            history.completions = try CourseCompletionRow.order(Column("completedAt"), Column("learnerId"))
                .fetchAll(db).map {
                    CommuneHistory.Completion(completion: $0.completion, attemptID: $0.attemptId,
                                              unitID: $0.unitId ?? "", category: $0.category ?? "")
                }
            history.staff = try StaffAccountRow.order(Column("id")).fetchAll(db).map {
                CommuneHistory.Staff(account: $0.account, passwordHash: $0.passwordHash)
            }
            history.quizClosures = try Row.fetchAll(db, sql: "SELECT quizId, closedAt FROM quizClosure ORDER BY quizId")
                .map { (quizID: $0[0], closedAt: $0[1]) }
            history.audit = try Row.fetchAll(db, sql: """
                SELECT id, at, staffName, action, learnerId, detail FROM auditEvent ORDER BY id
                """).compactMap { row in
                AuditEntry.Action(rawValue: row[3]).map {
                    (sourceID: row[0], entry: AuditEntry(at: row[1], staffName: row[2], action: $0, learnerID: row[4],
                                                         detail: row[5]))
                }
            }
            var savedAt: [String: [String: Date]] = [:]
            for answer in try DraftAnswerRow.fetchAll(db) {
                savedAt[answer.attemptId, default: [:]][answer.questionId] = answer.savedAt
            }
            history.openAttempts = try AttemptDraftRow.order(Column("startedAt"), Column("attemptId")).fetchAll(db)
                .map { CommuneHistory.OpenAttempt(draft: try Self.draft($0, db), savedAt: savedAt[$0.attemptId] ?? [:]) }
            history.signInFailures = try Row.fetchAll(db, sql: """
                SELECT key, failures, lastFailureAt, lockedUntil FROM signInThrottle ORDER BY key
                """).map { (key: $0[0], state: SignInThrottle.State(failures: $0[1], lastFailureAt: $0[2],
                                                                     lockedUntil: $0[3])) }
            return history
        }
    }
}
