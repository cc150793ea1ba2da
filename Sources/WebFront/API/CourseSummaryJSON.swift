import Hummingbird
public import LearningCore

/// One course of `GET /api/v1/courses`.
public struct CourseSummaryJSON: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    public var estimatedMinutes: Int
    public var lessonCount: Int
    /// Where the learner stands: `notStarted`, `inProgress`, `finalQuizPassed` or `completed` (always
    /// `notStarted` without signing in).
    public var state: String

    public init(_ standing: CourseStanding) {
        id = standing.courseID
        title = standing.title
        summary = standing.summary
        estimatedMinutes = standing.estimatedMinutes
        lessonCount = standing.lessonCount
        state = switch standing.state {
        case .notStarted: "notStarted"
        case .inProgress: "inProgress"
        case .finalQuizPassed: "finalQuizPassed"
        case .completed: "completed"
        }
    }
}
