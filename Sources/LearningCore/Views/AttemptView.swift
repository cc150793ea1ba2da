public import Foundation

/// A quiz attempt as its learner may see it, open or submitted. Built by the use cases, which decide what
/// feedback the quiz's rule allows; it never carries an answer key.
public struct AttemptView: Sendable, Hashable {
    public var attemptID: String
    public var courseID: String
    public var quizID: String
    public var quizTitle: String
    public var isFinalQuiz: Bool
    public var feedbackTiming: FeedbackTiming
    public var passMark: Int
    public var startedAt: Date
    /// When the time limit runs out, if any.
    public var deadline: Date?
    public var questions: [LearnerQuestionView]
    /// Set once the attempt is submitted.
    public var result: AttemptResultView?

    public init(attemptID: String, courseID: String, quizID: String, quizTitle: String, isFinalQuiz: Bool,
                feedbackTiming: FeedbackTiming, passMark: Int, startedAt: Date, deadline: Date?,
                questions: [LearnerQuestionView], result: AttemptResultView?) {
        self.attemptID = attemptID
        self.courseID = courseID
        self.quizID = quizID
        self.quizTitle = quizTitle
        self.isFinalQuiz = isFinalQuiz
        self.feedbackTiming = feedbackTiming
        self.passMark = passMark
        self.startedAt = startedAt
        self.deadline = deadline
        self.questions = questions
        self.result = result
    }

    /// Whether the attempt still takes answers.
    public var isOpen: Bool { result == nil }

    /// The first question not answered yet (where a resumed attempt continues), or nil when all are answered.
    public var firstUnanswered: LearnerQuestionView? { questions.first { $0.response == nil } }
}

/// The score of a submitted attempt, and the course completion it earned.
public struct AttemptResultView: Sendable, Hashable {
    public var percent: Int
    public var passed: Bool
    public var correctCount: Int
    public var questionCount: Int
    public var submittedAt: Date
    /// Set when submitting completed the course.
    public var completion: CourseCompletion?
    /// Whether the per-question feedback (right answers, explanations) is shown now.
    public var showsAnswers: Bool

    public init(percent: Int, passed: Bool, correctCount: Int, questionCount: Int, submittedAt: Date,
                completion: CourseCompletion?, showsAnswers: Bool) {
        self.percent = percent
        self.passed = passed
        self.correctCount = correctCount
        self.questionCount = questionCount
        self.submittedAt = submittedAt
        self.completion = completion
        self.showsAnswers = showsAnswers
    }
}
