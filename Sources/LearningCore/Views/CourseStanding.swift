import Foundation

/// One course in a learner's catalogue, with where the learner stands in it.
public struct CourseStanding: Sendable, Hashable {
    /// Where a learner stands in a course.
    public enum State: Sendable, Hashable {
        case notStarted
        /// `completed` of `total` lessons read.
        case inProgress(lessonsCompleted: Int, lessonsTotal: Int)
        /// The final quiz passed with this score, some required lesson still unread.
        case finalQuizPassed(percent: Int)
        case completed(CourseCompletion)
    }

    public var courseID: String
    public var title: String
    public var summary: String
    public var estimatedMinutes: Int
    public var lessonCount: Int
    public var state: State

    public init(courseID: String, title: String, summary: String, estimatedMinutes: Int, lessonCount: Int,
                state: State) {
        self.courseID = courseID
        self.title = title
        self.summary = summary
        self.estimatedMinutes = estimatedMinutes
        self.lessonCount = lessonCount
        self.state = state
    }
}
