import CampaignReports
import Foundation
import LearningCore
import Testing

@Suite("Rates and averages: one rule, half up to one decimal")
struct PercentRoundingTests {
    @Test(arguments: [
        (2_446, 5_088, 48.1),  // 48.074…: truncation gave 48.0
        (1, 8, 12.5),
        (1, 16, 6.3),  // 6.25: a half goes up
        (1, 3, 33.3),
        (2, 3, 66.7),  // truncation gave 66.6
        (5, 5, 100.0),
        (0, 7, 0.0),
        (1, 2_000, 0.1),  // 0.05 goes up
        (1, 2_001, 0.0),
    ])
    func partOfWhole(part: Int, whole: Int, expected: Double) {
        #expect(Percent.of(part, whole) == expected)
    }

    @Test func noBaseNoRate() {
        #expect(Percent.of(0, 0) == nil)
        #expect(Percent.of(3, 0) == nil)
    }

    @Test func aHalfBelowZeroGoesUpToo() {
        #expect(Percent.of(-1, 16) == -6.2)
        #expect(Percent.of(-1, 3) == -33.3)
    }

    @Test func activityFiguresUseTheRule() {
        var figures = ActivityFigures()
        figures.enrolments = 5_088
        figures.courseCompletions = 2_446
        figures.finalAttempts = 3
        figures.passedAttempts = 2
        figures.percentSum = 80 + 81 + 81  // 80.666…
        #expect(figures.completionRate == 48.1)
        #expect(figures.passRate == 66.7)
        #expect(figures.averageScore == 80.7)
    }

    @Test func coverageUsesTheRule() throws {
        let json = #"{"category": "nguoi-dan", "population": 3, "reachedByEnd": 2, "reachedInPeriod": 2}"#
        let row = try JSONDecoder().decode(CampaignReport.CoverageRow.self, from: Data(json.utf8))
        #expect(row.percent == 66.7)
    }

    @Test func theDocumentWritesItTheVietnameseWay() {
        #expect(ReportCell.decimal(Percent.of(2_446, 5_088)).display == "48,1")
        #expect(ReportCell.decimal(Percent.of(2_446, 5_088)).plain == "48.1")
    }
}
