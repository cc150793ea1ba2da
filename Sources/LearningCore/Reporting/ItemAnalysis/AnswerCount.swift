/// How many analysed attempts gave one answer to one question.
public struct AnswerCount: Sendable, Hashable {
    public var questionID: String
    /// A choice id (`a`, `b` …) for a choice question; the text or number as typed otherwise.
    public var answer: String
    /// Whether `answer` is a choice id (a multiple-choice response counts once for each choice it holds).
    public var isChoice: Bool
    public var count: Int

    public init(questionID: String, answer: String, isChoice: Bool, count: Int) {
        self.questionID = questionID
        self.answer = answer
        self.isChoice = isChoice
        self.count = count
    }
}
