import Foundation
import GRDB

/// A row of `courseProgress`: the per-person-per-course summary.
struct CourseProgressRow: Codable, FetchableRecord, PersistableRecord, Equatable {
    static let databaseTableName = "courseProgress"
    var learnerId: Int64
    var courseId: String
    var firstActivityAt: Date
    var lastActivityAt: Date
    var lessonsCompleted: Int
    var finalAttempts: Int
    var bestPercent: Int?
    var passedFinalAt: Date?
}
