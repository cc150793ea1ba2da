import Foundation
import GRDB
import LearningCore

/// A row of `courseCompletion`: recorded once, when the completing event happens.
struct CourseCompletionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "courseCompletion"
    var learnerId: Int64
    var courseId: String
    var courseVersion: Int
    var completedAt: Date
    var percent: Int?
    var verificationCode: String
    /// The attempt that earned it, when an attempt completed the course.
    var attemptId: String?
    /// The learner's unit and category when it was written (what reports group by).
    var unitId: String?
    var category: String?

    var completion: CourseCompletion {
        CourseCompletion(learnerID: learnerId, courseID: courseId, courseVersion: courseVersion,
                         completedAt: completedAt, percent: percent, verificationCode: verificationCode)
    }
}
