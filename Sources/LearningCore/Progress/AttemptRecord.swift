public import Foundation

/// A graded quiz attempt as it is stored: written once, whole, on submission.
public struct AttemptRecord: Sendable, Hashable {
    /// The client-made submission id: the same id submitted twice is one attempt.
    public var attemptID: String
    public var learnerID: Int64
    public var courseID: String
    /// The course version the questions were taken from.
    public var courseVersion: Int
    public var quizID: String
    public var isFinalQuiz: Bool
    public var seed: UInt64
    public var startedAt: Date
    public var submittedAt: Date
    /// Per question in the order asked, with the response, the question's content hash and the credit.
    public var result: QuizResult

    public init(
        attemptID: String, learnerID: Int64, courseID: String, courseVersion: Int, quizID: String,
        isFinalQuiz: Bool, seed: UInt64, startedAt: Date, submittedAt: Date, result: QuizResult
    ) {
        self.attemptID = attemptID
        self.learnerID = learnerID
        self.courseID = courseID
        self.courseVersion = courseVersion
        self.quizID = quizID
        self.isFinalQuiz = isFinalQuiz
        self.seed = seed
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.result = result
    }

    /// Builds the record of a graded attempt.
    public init?(_ attempt: QuizAttempt, learnerID: Int64, course: Course) {
        guard let result = attempt.result, let submittedAt = attempt.submittedAt else { return nil }
        self.init(
            attemptID: attempt.id, learnerID: learnerID, courseID: course.id, courseVersion: course.version,
            quizID: attempt.quiz.id, isFinalQuiz: course.finalQuiz?.id == attempt.quiz.id, seed: attempt.seed,
            startedAt: attempt.startedAt, submittedAt: submittedAt, result: result)
    }
}

