/// How many analysed attempts gave one answer to one question.
public struct AnswerCount: Sendable, Hashable {
    /// The question's id.
    public var questionID: String
    /// A choice id (`a`, `b` …) for a choice question; the text or number as typed otherwise.
    public var answer: String
    /// Whether `answer` is a choice id (a multiple-choice response counts once for each choice it holds).
    public var isChoice: Bool
    /// How many attempts gave it.
    public var count: Int

    /// A count as the store made it.
    public init(questionID: String, answer: String, isChoice: Bool, count: Int) {
        self.questionID = questionID
        self.answer = answer
        self.isChoice = isChoice
        self.count = count
    }
}
