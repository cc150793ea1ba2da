/// The sums item analysis is made of, counted where the answers are (SQL aggregates), never by loading them.
public protocol ItemAnalysisRepository: Sendable {
    /// For the quiz `quizID`, over the first attempt each learner submitted at it within `period`: how many such
    /// attempts there are, the score sums of every question asked in them, and how often each answer was given.
    func itemCounts(quizID: String, period: ReportingPeriod) async throws -> QuizItemCounts
}
