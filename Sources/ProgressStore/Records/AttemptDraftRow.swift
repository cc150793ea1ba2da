import Foundation
import GRDB

/// A row of `attemptDraft`: an attempt in progress (its draw is rebuilt from the seed).
struct AttemptDraftRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "attemptDraft"
    var attemptId: String
    var learnerId: Int64
    var courseId: String
    var quizId: String
    var seed: Int64
    var startedAt: Date
    var deadline: Date?
}

