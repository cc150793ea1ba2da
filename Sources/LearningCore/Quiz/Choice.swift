import Foundation

/// One choice of a choice question.
public struct Choice: Sendable, Hashable, Identifiable {
    /// Stable within its question: `a`, `b`, `c` … in the order written.
    public var id: String
    public var textHTML: String
    public var text: String
    public var isCorrect: Bool
    /// Feedback for a learner who picks this choice, rendered to safe HTML.
    public var feedbackHTML: String?
    public var feedbackText: String?

    public init(
        id: String, textHTML: String, text: String, isCorrect: Bool,
        feedbackHTML: String? = nil, feedbackText: String? = nil
    ) {
        self.id = id
        self.textHTML = textHTML
        self.text = text
        self.isCorrect = isCorrect
        self.feedbackHTML = feedbackHTML
        self.feedbackText = feedbackText
    }
}
