/// One question's line of the item analysis.
public struct QuestionItemAnalysis: Sendable, Hashable, Codable {
    /// The question's id.
    public var questionID: String
    /// The question's text, shortened to one line (`ItemAnalysisBuilder.promptLength` characters at most); nil
    /// when the course no longer has the question.
    public var prompt: String?
    /// Nil when the course no longer has the question.
    public var kind: QuestionKind?
    /// Facility, deviation, discrimination, efficiency and flags.
    public var statistics: ItemStatistics
    /// For a choice question, every choice in the order written (a multiple-choice answer counts once for each
    /// choice it holds); for a typed answer, the most frequent answers.
    public var answers: [AnswerTally]

    /// One question's line.
    public init(questionID: String, prompt: String?, kind: QuestionKind?, statistics: ItemStatistics,
                answers: [AnswerTally]) {
        self.questionID = questionID
        self.prompt = prompt
        self.kind = kind
        self.statistics = statistics
        self.answers = answers
    }
}
