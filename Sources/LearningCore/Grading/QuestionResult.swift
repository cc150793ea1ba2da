import Foundation
/// How one response was graded.
public struct QuestionResult: Sendable, Hashable, Codable {
    public var questionID: String
    public var contentHash: String
    /// The response as given; nil when the question was left unanswered.
    public var response: Response?
    /// Fraction of the question's one point earned (0…1).
    public var creditNumerator: Int
    public var creditDenominator: Int

    public init(questionID: String, contentHash: String, response: Response?, credit: Credit) {
        self.questionID = questionID
        self.contentHash = contentHash
        self.response = response
        self.creditNumerator = credit.numerator
        self.creditDenominator = credit.denominator
    }

    public var credit: Credit { Credit(creditNumerator, over: creditDenominator) }
    /// Full credit.
    public var isCorrect: Bool { credit == .full }
}
