import Foundation
/// The rules of one quiz, from the quiz's front matter (final quiz) or the lesson's `check:` key.
public struct QuizSettings: Sendable, Hashable {
    /// Percent (0–100) of the possible score needed to pass.
    public var passMark: Int
    public var shuffleQuestions: Bool
    public var shuffleChoices: Bool
    /// Questions drawn from the pool per attempt; nil asks them all.
    public var drawCount: Int?
    /// Seconds allowed from the start of an attempt; nil for no limit.
    public var timeLimitSeconds: Int?
    /// Attempts a learner may make; nil for unlimited.
    public var attemptsAllowed: Int?
    public var feedback: FeedbackTiming
    /// Default for multiple-choice questions that do not say: partial credit or all-or-nothing.
    public var partialCredit: Bool

    public init(
        passMark: Int, shuffleQuestions: Bool = false, shuffleChoices: Bool = false, drawCount: Int? = nil,
        timeLimitSeconds: Int? = nil, attemptsAllowed: Int? = nil, feedback: FeedbackTiming = .afterSubmission,
        partialCredit: Bool = false
    ) {
        self.passMark = passMark
        self.shuffleQuestions = shuffleQuestions
        self.shuffleChoices = shuffleChoices
        self.drawCount = drawCount
        self.timeLimitSeconds = timeLimitSeconds
        self.attemptsAllowed = attemptsAllowed
        self.feedback = feedback
        self.partialCredit = partialCredit
    }
}

