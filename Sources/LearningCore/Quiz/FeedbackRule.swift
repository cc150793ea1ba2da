import Foundation

/// When a learner may see the right answers and explanations of a quiz.
public enum FeedbackRule {
    /// Whether a submitted attempt shows every question's answer and explanation.
    public static func showsAnswersAfterSubmission(_ timing: FeedbackTiming, quizClosed: Bool) -> Bool {
        switch timing {
        case .afterEachQuestion, .afterSubmission: true
        case .whenClosed: quizClosed
        }
    }
}
