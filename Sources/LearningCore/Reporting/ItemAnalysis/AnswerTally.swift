/// How often one answer to a question was given in the analysed attempts.
public struct AnswerTally: Sendable, Hashable, Codable {
    /// The choice id (`a`, `b` …), or the text or number as typed.
    public var answer: String
    /// The choice's text, shortened; nil for a typed answer or a choice the course no longer has.
    public var label: String?
    /// Whether the choice is a right one; nil for a typed answer or a choice the course no longer has.
    public var isCorrect: Bool?
    /// How many analysed attempts gave it.
    public var count: Int

    /// One answer's tally.
    public init(answer: String, label: String?, isCorrect: Bool?, count: Int) {
        self.answer = answer
        self.label = label
        self.isCorrect = isCorrect
        self.count = count
    }
}
