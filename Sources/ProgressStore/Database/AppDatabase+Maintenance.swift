public import Foundation
import GRDB
public import LearningCore

extension AppDatabase {
    /// What `hoctap db check` found.
    public struct IntegrityReport: Sendable {
        /// Lines of `PRAGMA integrity_check` other than "ok".
        public var integrityProblems: [String]
        /// Rows that break a foreign key, as `table rowid → parent`.
        public var foreignKeyProblems: [String]
        public var isHealthy: Bool { integrityProblems.isEmpty && foreignKeyProblems.isEmpty }
    }

    public func checkIntegrity() async throws -> IntegrityReport {
        try await writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "\(row[0] as String? ?? "?") \(row[1] as Int64? ?? 0) → \(row[2] as String? ?? "?")"
            }
            return IntegrityReport(integrityProblems: integrity, foreignKeyProblems: foreignKeys)
        }
    }

    /// An online backup to a new file, consistent even while the server writes.
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        try destination.close()
    }

    /// Recomputes `lessonProgress` and `courseProgress` from the raw events, then records every completion the
    /// events earned under `requirements` that is missing (dated when its last condition was met, with the
    /// learner's unit and category at that moment). Completions already recorded are kept as they are: their
    /// codes are on certificates. Then every rollup the reports read is recomputed from the raw events. Returns
    /// how many completions were restored.
    @discardableResult
    public func rebuildSummaries(requirements: [CompletionRequirement] = []) async throws -> Int {
        let calendar = calendar
        return try await writer.write { db in
            try Summaries.rebuildAll(db)
            var restored = 0
            for requirement in requirements {
                restored += try Self.restoreCompletions(requirement, calendar: calendar, db)
            }
            try Rollups.rebuild(calendar: calendar, db)
            return restored
        }
    }

    private static func restoreCompletions(_ requirement: CompletionRequirement, calendar: RollupCalendar,
                                           _ db: Database) throws -> Int {
        let candidates = try Row.fetchAll(db, sql: """
            SELECT learnerId, bestPercent, passedFinalAt FROM courseProgress p
            WHERE courseId = ? AND NOT EXISTS (
                SELECT 1 FROM courseCompletion c WHERE c.learnerId = p.learnerId AND c.courseId = p.courseId)
            """, arguments: [requirement.courseID])
        var restored = 0
        for candidate in candidates {
            let learnerID: Int64 = candidate["learnerId"]
            let passedAt: Date? = candidate["passedFinalAt"]
            if requirement.hasFinalQuiz, passedAt == nil { continue }
            var readAt: [String: Date] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT lessonId, completedAt FROM lessonProgress
                WHERE learnerId = ? AND courseId = ? AND completedAt IS NOT NULL
                """, arguments: [learnerID, requirement.courseID]) {
                readAt[row["lessonId"]] = row["completedAt"]
            }
            guard requirement.isMet(lessonsCompleted: Set(readAt.keys), passedFinalQuiz: passedAt != nil) else {
                continue
            }
            let moments = requirement.requiredLessonIDs.compactMap { readAt[$0] } + (passedAt.map { [$0] } ?? [])
            guard let at = moments.max() else { continue }
            let attemptID = at == passedAt ? try String.fetchOne(db, sql: """
                SELECT id FROM attempt WHERE learnerId = ? AND courseId = ? AND isFinal AND passed AND submittedAt = ?
                """, arguments: [learnerID, requirement.courseID, at]) : nil
            // Where the learner was placed at that moment (the latest placement not after it).
            let placed = try Row.fetchOne(db, sql: """
                SELECT unitId, category FROM learnerPlacement WHERE learnerId = ? AND at <= ?
                ORDER BY at DESC, id DESC LIMIT 1
                """, arguments: [learnerID, at]).map { (unitID: $0[0] as String, category: $0[1] as String) }
            _ = try insertCompletion(learnerID: learnerID, courseID: requirement.courseID,
                                     courseVersion: requirement.courseVersion, percent: candidate["bestPercent"],
                                     at: at, attemptID: attemptID, placement: placed, calendar: calendar, db)
            restored += 1
        }
        return restored
    }

    /// Removes every completion: only for tests of their rebuilding.
    func deleteCompletionsForTesting() async throws {
        try await writer.write { db in try db.execute(sql: "DELETE FROM courseCompletion") }
    }

    /// Every rollup table's rows in a fixed order, for comparing live rollups with rebuilt ones.
    func rollupSnapshot() async throws -> [String: [Row]] {
        try await writer.read { db in
            var tables: [String: [Row]] = [:]
            for table in ["registrationDay", "dayFigures", "yearFigures", "activityDay", "activityYear",
                          "completionYear", "basicLevelReach"] {
                // Rows whose counts all cancelled out say nothing; a rebuild does not make them.
                let filter = switch table {
                case "registrationDay": "WHERE delta != 0"
                case "dayFigures": "WHERE lessonCompletions + courseCompletions + finalAttempts != 0"
                case "yearFigures":
                    "WHERE active + enrolments + lessonCompletions + courseCompletions + finalAttempts != 0"
                default: ""
                }
                tables[table] = try Row.fetchAll(db, sql: """
                    SELECT * FROM \(table) \(filter) ORDER BY 1, 2\(table == "basicLevelReach" ? ""
                        : table == "registrationDay" ? ", 3" : ", 3, 4, 5")
                    """)
            }
            return tables
        }
    }

    /// Both summaries as they stand, for comparing live ones with rebuilt ones.
    func summarySnapshot() async throws -> (lessons: [LessonProgressRow], courses: [CourseProgressRow]) {
        try await writer.read { db in
            (try LessonProgressRow.order(Column("learnerId"), Column("courseId"), Column("lessonId")).fetchAll(db),
             try CourseProgressRow.order(Column("learnerId"), Column("courseId")).fetchAll(db))
        }
    }
}
