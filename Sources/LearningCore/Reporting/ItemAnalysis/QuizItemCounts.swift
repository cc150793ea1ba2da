/// What a store counts for one quiz's item analysis: the attempts analysed, per question the sums of its scores,
/// and the answers given.
public struct QuizItemCounts: Sendable, Hashable {
    /// Attempts analysed: each learner's first attempt at the quiz in the period.
    public var attempts: Int
    /// One entry per question asked in those attempts.
    public var items: [ItemSums]
    /// Per question, how many of those attempts gave each answer (a choice id, or a typed text or number).
    public var answers: [AnswerCount]

    /// The counts of one quiz.
    public init(attempts: Int, items: [ItemSums], answers: [AnswerCount]) {
        self.attempts = attempts
        self.items = items
        self.answers = answers
    }
}
