import Foundation

/// Whether a learner was right, the right answer and the explanation: only built once the quiz's feedback rule
/// allows it.
public struct QuestionFeedback: Sendable, Hashable {
    public var credit: Credit
    /// Full credit.
    public var isCorrect: Bool
    /// The right choices, for choice questions.
    public var rightChoiceIDs: [String]
    /// An accepted answer, for text and number questions.
    public var rightAnswerText: String?
    public var explanationHTML: String?
    public var explanationText: String?
    /// Per-choice feedback for the choices the learner picked, rendered to safe HTML.
    public var pickedChoiceFeedbackHTML: [String]

    public init(credit: Credit, isCorrect: Bool, rightChoiceIDs: [String], rightAnswerText: String?,
                explanationHTML: String?, explanationText: String?, pickedChoiceFeedbackHTML: [String]) {
        self.credit = credit
        self.isCorrect = isCorrect
        self.rightChoiceIDs = rightChoiceIDs
        self.rightAnswerText = rightAnswerText
        self.explanationHTML = explanationHTML
        self.explanationText = explanationText
        self.pickedChoiceFeedbackHTML = pickedChoiceFeedbackHTML
    }
}
