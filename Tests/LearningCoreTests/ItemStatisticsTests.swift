import LearningCore
import Testing

/// `ItemStatistics` from sums, at the edges: the flag thresholds and the figures that cannot be computed.
@Suite("Item statistics and their flags")
struct ItemStatisticsTests {
    /// `n` attempts of which `right` scored 1 and the rest 0, every rest score equal (no spread).
    func sums(_ n: Int, right: Int) -> ItemSums {
        ItemSums(questionID: "q", attempts: n, unanswered: 0, sumScore: Double(right), sumScoreSquares: Double(right),
                 sumRest: Double(n), sumRestSquares: Double(n), sumProducts: Double(right),
                 sumSortedProducts: Double(right))
    }

    @Test func theThresholdsAreStrict() {
        #expect(ItemStatistics(sums(10, right: 9)).facility == 90.0)
        #expect(!ItemStatistics(sums(10, right: 9)).flags.contains(.tooEasy), "90% is not above 90%")
        #expect(ItemStatistics(sums(1000, right: 901)).flags.contains(.tooEasy))
        #expect(!ItemStatistics(sums(10, right: 3)).flags.contains(.tooHard), "30% is not below 30%")
        #expect(ItemStatistics(sums(1000, right: 299)).flags.contains(.tooHard))
    }

    @Test func withoutSpreadThereIsNoDiscrimination() {
        let statistics = ItemStatistics(sums(10, right: 6))
        #expect(statistics.facility == 60.0)
        #expect(statistics.discrimination == nil, "the rest of the quiz is the same for everyone")
        #expect(statistics.discriminativeEfficiency == nil)
        #expect(!statistics.flags.contains(.negativeDiscrimination))
    }

    @Test func noAttemptsGiveNoFigures() {
        let statistics = ItemStatistics(sums(0, right: 0))
        #expect(statistics.facility == nil && statistics.standardDeviation == nil)
        #expect(statistics.flags.isEmpty)
    }
}
