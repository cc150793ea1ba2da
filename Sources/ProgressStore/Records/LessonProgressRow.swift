import Foundation
import GRDB

/// A row of `lessonProgress`: the per-person-per-lesson summary, kept up to date as events arrive.
struct LessonProgressRow: Codable, FetchableRecord, PersistableRecord, Equatable {
    static let databaseTableName = "lessonProgress"
    var learnerId: Int64
    var courseId: String
    var lessonId: String
    var visits: Int
    var firstVisitedAt: Date?
    var lastVisitedAt: Date?
    var completedAt: Date?
}

