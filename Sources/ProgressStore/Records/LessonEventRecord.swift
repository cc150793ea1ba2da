import Foundation
import GRDB

/// A row of `lessonEvent`: a lesson opened (`visit`) or finished (`complete`). The raw log; never updated.
struct LessonEventRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "lessonEvent"
    var id: Int64?
    var learnerId: Int64
    var courseId: String
    var lessonId: String
    var kind: String
    var at: Date
    /// The learner's unit and category when it was written (what reports group by).
    var unitId: String?
    var category: String?

    static let visit = "visit"
    static let complete = "complete"
}
