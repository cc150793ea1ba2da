public import Foundation

/// An attempt in progress: what is needed to rebuild it after a refresh, a walk-away or a power cut.
public struct AttemptDraft: Sendable, Hashable {
    public var attemptID: String
    public var learnerID: Int64
    public var courseID: String
    public var quizID: String
    public var seed: UInt64
    public var startedAt: Date
    /// When the time limit runs out, if the quiz has one: stored at the start, so the clock survives a restart.
    public var deadline: Date?
    /// Answers given so far, by question id.
    public var responses: [String: Response]

    public init(
        attemptID: String, learnerID: Int64, courseID: String, quizID: String, seed: UInt64, startedAt: Date,
        deadline: Date? = nil, responses: [String: Response] = [:]
    ) {
        self.attemptID = attemptID
        self.learnerID = learnerID
        self.courseID = courseID
        self.quizID = quizID
        self.seed = seed
        self.startedAt = startedAt
        self.deadline = deadline
        self.responses = responses
    }
}
