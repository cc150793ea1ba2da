import Foundation
import GRDB
import LearningCore

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

    /// Recomputes `lessonProgress` and `courseProgress` from the raw events.
    public func rebuildSummaries() async throws {
        try await writer.write { db in try Summaries.rebuildAll(db) }
    }

    /// Both summaries as they stand, for comparing live ones with rebuilt ones.
    func summarySnapshot() async throws -> (lessons: [LessonProgressRow], courses: [CourseProgressRow]) {
        try await writer.read { db in
            (try LessonProgressRow.order(Column("learnerId"), Column("courseId"), Column("lessonId")).fetchAll(db),
             try CourseProgressRow.order(Column("learnerId"), Column("courseId")).fetchAll(db))
        }
    }
}
