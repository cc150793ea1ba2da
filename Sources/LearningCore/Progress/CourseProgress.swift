import Foundation

/// One learner's standing in one course: the per-person-per-course summary.
public struct CourseProgress: Sendable, Hashable {
    public var learnerID: Int64
    public var courseID: String
    public var lessonsVisited: Set<String>
    public var lessonsCompleted: Set<String>
    public var finalAttempts: Int
    /// Best final-quiz score in whole percent, if attempted.
    public var bestPercent: Int?
    public var passedFinalQuiz: Bool
    public var completion: CourseCompletion?

    public init(
        learnerID: Int64, courseID: String, lessonsVisited: Set<String> = [], lessonsCompleted: Set<String> = [],
        finalAttempts: Int = 0, bestPercent: Int? = nil, passedFinalQuiz: Bool = false,
        completion: CourseCompletion? = nil
    ) {
        self.learnerID = learnerID
        self.courseID = courseID
        self.lessonsVisited = lessonsVisited
        self.lessonsCompleted = lessonsCompleted
        self.finalAttempts = finalAttempts
        self.bestPercent = bestPercent
        self.passedFinalQuiz = passedFinalQuiz
        self.completion = completion
    }
}
