/// The sums one question's statistics are computed from, over the attempts that asked it. A question's score `x`
/// is its credit (0 to 1, its full credit being 1); the rest of the attempt `r` is the attempt's score (in
/// questions) minus `x`.
public struct ItemSums: Sendable, Hashable {
    /// The question's id.
    public var questionID: String
    /// Attempts that asked the question (`n`), answered or not.
    public var attempts: Int
    /// Of those, attempts that left it unanswered (scored 0).
    public var unanswered: Int
    /// Σx.
    public var sumScore: Double
    /// Σx².
    public var sumScoreSquares: Double
    /// Σr.
    public var sumRest: Double
    /// Σr².
    public var sumRestSquares: Double
    /// Σxr.
    public var sumProducts: Double
    /// Σ x₍ₖ₎·r₍ₖ₎: the k-th smallest item score times the k-th smallest rest score, the largest Σxr the two
    /// lists of scores allow (what discriminative efficiency measures against).
    public var sumSortedProducts: Double

    /// The sums as counted.
    public init(questionID: String, attempts: Int, unanswered: Int, sumScore: Double, sumScoreSquares: Double,
                sumRest: Double, sumRestSquares: Double, sumProducts: Double, sumSortedProducts: Double) {
        self.questionID = questionID
        self.attempts = attempts
        self.unanswered = unanswered
        self.sumScore = sumScore
        self.sumScoreSquares = sumScoreSquares
        self.sumRest = sumRest
        self.sumRestSquares = sumRestSquares
        self.sumProducts = sumProducts
        self.sumSortedProducts = sumSortedProducts
    }
}
