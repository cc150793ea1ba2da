import Foundation

/// When a learner sees whether they were right, the right answers and the explanations.
public enum FeedbackTiming: String, Sendable, Hashable, CaseIterable, Codable {
    /// After each question is answered.
    case afterEachQuestion = "after-each"
    /// After the attempt is submitted.
    case afterSubmission = "after-submit"
    /// Only once staff close the quiz (learners cannot pass answers around meanwhile).
    case whenClosed = "after-close"
}
