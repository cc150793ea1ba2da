import Foundation

/// One question's statistics as Moodle's quiz statistics report defines them, in percent of the question's full
/// credit, each nil when the attempts do not allow it (too few, or no spread). Formulas in `docs/reports.md`.
public struct ItemStatistics: Sendable, Hashable, Codable {
    /// Attempts that asked the question.
    public var attempts: Int
    /// Of those, attempts that left it unanswered.
    public var unanswered: Int
    /// Chỉ số độ dễ: the mean score on the question, in percent of full credit.
    public var facility: Double?
    /// Độ lệch chuẩn: the sample standard deviation of the score, in percent of full credit.
    public var standardDeviation: Double?
    /// Chỉ số phân biệt: the correlation between the score on the question and on the rest of the quiz, × 100.
    public var discrimination: Double?
    /// Hiệu quả phân biệt: the covariance of those scores over the largest covariance their values allow, × 100.
    public var discriminativeEfficiency: Double?
    /// Warnings (too easy, too hard, negative discrimination).
    public var flags: [ItemFlag]

    /// The statistics of `sums`, each rounded to one decimal; flags are judged on the unrounded values.
    public init(_ sums: ItemSums) {
        attempts = sums.attempts
        unanswered = sums.unanswered
        let n = Double(sums.attempts)
        guard sums.attempts > 0 else {
            facility = nil
            standardDeviation = nil
            discrimination = nil
            discriminativeEfficiency = nil
            flags = []
            return
        }
        // Sums of squared deviations and of cross-products: Σ(x − x̄)² = Σx² − (Σx)²/n, and so on.
        let scoreSquares = max(0, sums.sumScoreSquares - sums.sumScore * sums.sumScore / n)
        let restSquares = max(0, sums.sumRestSquares - sums.sumRest * sums.sumRest / n)
        let products = sums.sumProducts - sums.sumScore * sums.sumRest / n
        let largestProducts = sums.sumSortedProducts - sums.sumScore * sums.sumRest / n
        let tolerance = 1e-9 * max(1, n)

        let facility = 100 * sums.sumScore / n
        let deviation = sums.attempts > 1 ? 100 * (scoreSquares / (n - 1)).squareRoot() : nil
        let spread = (scoreSquares * restSquares).squareRoot()
        let discrimination = sums.attempts > 1 && spread > tolerance ? 100 * products / spread : nil
        let efficiency = sums.attempts > 1 && largestProducts > tolerance ? 100 * products / largestProducts : nil

        self.facility = Self.tenths(facility)
        standardDeviation = deviation.map(Self.tenths)
        self.discrimination = discrimination.map(Self.tenths)
        discriminativeEfficiency = efficiency.map(Self.tenths)
        flags = ItemFlag.flags(facility: facility, discrimination: discrimination)
    }

    /// Rounded half away from zero to one decimal, as every figure of a report is shown.
    static func tenths(_ value: Double) -> Double {
        (value * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}
