import Foundation
import GRDB

/// A row of `draftAnswer`: the latest answer given to one question of an attempt in progress.
struct DraftAnswerRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "draftAnswer"
    var attemptId: String
    var questionId: String
    var response: String
    var savedAt: Date
}
