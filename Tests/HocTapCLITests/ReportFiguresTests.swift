import CampaignReports
import Foundation
import LearningCore
import Testing

@Suite("Report figures, counted by hand")
struct ReportFiguresTests {
    private func cells(_ figures: ActivityFigures) -> [Int] {
        [figures.registered, figures.active, figures.enrolments, figures.lessonCompletions, figures.courseCompletions,
         figures.finalAttempts, figures.passedAttempts, figures.percentSum]
    }

    @Test func theYearlyReportOf2026() async throws {
        let fixture = try await ReportFixture()
        let report = try await fixture.builder().yearly(2026)
        #expect(cells(report.totals) == [8, 4, 7, 1, 7, 8, 7, 660])
        #expect(report.totals.averageScore == 82.5)
        #expect(report.totals.passRate == 87.5)
        #expect(report.totals.completionRate == 100)
        let units = Dictionary(uniqueKeysWithValues: report.byUnit.map { ($0.unitID, cells($0.figures)) })
        #expect(units == ["thon-a": [3, 2, 4, 1, 4, 4, 4, 360], "thon-b": [3, 1, 2, 0, 2, 3, 2, 200],
                          "phong-x": [2, 1, 1, 0, 1, 1, 1, 100]])
        let categories = Dictionary(uniqueKeysWithValues: report.byCategory.map { ($0.category, cells($0.figures)) })
        #expect(categories[.citizens] == [6, 3, 6, 1, 6, 7, 6, 560])
        #expect(categories[.officials] == [2, 1, 1, 0, 1, 1, 1, 100])
        #expect(categories[.workers] == [0, 0, 0, 0, 0, 0, 0, 0])
        let courses = Dictionary(uniqueKeysWithValues: report.byCourse.map { ($0.courseID, $0.figures) })
        #expect(courses["c1"].map { [$0.enrolments, $0.courseCompletions, $0.finalAttempts, $0.percentSum] } == [4, 4, 5, 420])
        #expect(courses["c2"].map { [$0.enrolments, $0.courseCompletions, $0.finalAttempts, $0.percentSum] } == [3, 3, 3, 240])
        #expect(courses["c3"]?.enrolments == 0, "Giang's c3 falls in 2027")
        let contents = Dictionary(uniqueKeysWithValues: report.byContent.map { ($0.content, $0.figures) })
        #expect(contents[2]?.enrolments == 7 && contents[7]?.enrolments == 3 && contents[4]?.enrolments == 0)
        #expect(report.deadline?.daysLeft == 9)
        #expect(report.deadline?.inactiveUnits == [])
    }

    @Test func everyBreakdownAddsBackUpToTheTotals() async throws {
        let fixture = try await ReportFixture()
        for report in [try await fixture.builder().yearly(2026),
                       try await fixture.builder(now: ReportFixture.after2027).review(until: 2027)] {
            #expect(report.byUnit.reduce(ActivityFigures()) { $0 + $1.figures } == report.totals)
            #expect(report.byCategory.reduce(ActivityFigures()) { $0 + $1.figures } == report.totals)
            let byCourse = report.byCourse.reduce(ActivityFigures()) { $0 + $1.figures }
            #expect(byCourse.enrolments == report.totals.enrolments)
            #expect(byCourse.courseCompletions == report.totals.courseCompletions)
            #expect(byCourse.finalAttempts == report.totals.finalAttempts)
            #expect(byCourse.percentSum == report.totals.percentSum)
            #expect(byCourse.lessonCompletions == report.totals.lessonCompletions)
            let coverage = report.coverageByUnit.filter { $0.category == .citizens }
            #expect(coverage.reduce(0) { $0 + $1.reachedByEnd } == report.coverage.first { $0.category == .citizens }?.reachedByEnd)
        }
    }

    @Test func coverageAgainstTargets() async throws {
        let fixture = try await ReportFixture()
        let report = try await fixture.builder().yearly(2026)
        let citizens = try #require(report.coverage.first { $0.category == .citizens })
        let citizenCounts: [Int] = [citizens.population, citizens.reachedByEnd, citizens.reachedInPeriod]
        #expect(citizenCounts == [14, 4, 3])
        #expect(citizens.targetPercent == 50)
        #expect(citizens.gap == 3)
        #expect(citizens.percent == 28.6, "4 of 14 is 28.57…: half up, not truncated")
        let officials = try #require(report.coverage.first { $0.category == .officials })
        let officialCounts: [Int] = [officials.population, officials.reachedByEnd, officials.gap ?? -1]
        #expect(officialCounts == [4, 0, 4])
        let rows: [(String, [Int])] = report.coverageByUnit.filter { $0.category == .citizens }
            .map { ($0.unitID ?? "", [$0.reachedByEnd, $0.reachedInPeriod, $0.gap ?? -1]) }
        let byUnit = Dictionary(uniqueKeysWithValues: rows)
        #expect(byUnit == ["thon-a": [3, 2, 2], "thon-b": [1, 1, 1]])
        // Registered but never active counts as not reached: Phúc and Hạnh are in thôn B's population, not its count.
    }

    @Test func awardsFollowTheStatedCriteriaToTheEdge() async throws {
        let fixture = try await ReportFixture()
        let awards = try #require(try await fixture.builder().yearly(2026).awards)
        // Bình: 2 courses, average exactly 90 → named. Cúc: the same figures, consent withdrawn → counted, not named.
        // Dung: 2 courses, average 80 → not proposed. Giang: 1 course in 2026 → not proposed.
        #expect(awards.individuals.map(\.candidate.displayName) == ["Trần Thị Bình"])
        #expect(awards.individuals.first?.candidate.completions == 2)
        #expect(awards.individuals.first?.candidate.averagePercent == 90)
        #expect(awards.withheld == 1)
        // Units: thôn A 2 of 3 (66.7%), phòng X exactly 1 of 2 (50%) qualify; thôn B 1 of 3 does not.
        #expect(awards.units.map(\.unitID) == ["thon-a", "phong-x"])
        #expect(awards.units.map(\.percent) == [66.7, 50])
    }

    @Test func theMidTermReviewLooksBackToTheStart() async throws {
        let fixture = try await ReportFixture()
        let review = try await fixture.builder(now: ReportFixture.after2027).review(until: 2027)
        #expect(review.periodLabel == "2025–2027")
        #expect(review.deadline == nil, "the 2027 deadline has passed: not provisional")
        #expect(review.years.map(\.year) == [2025, 2026, 2027])
        #expect(review.years.map(\.figures.courseCompletions) == [2, 7, 1])
        #expect(review.years.map(\.figures.active) == [1, 4, 1])
        #expect(review.totals.courseCompletions == 10 && review.totals.active == 5 && review.totals.enrolments == 10)
        let officials = try #require(review.coverage.first { $0.category == .officials })
        #expect(officials.reachedByEnd == 1 && officials.gap == 3, "Giang reached the level in 2027")
    }

    @Test func aUnitsOwnReport() async throws {
        let fixture = try await ReportFixture()
        let report = try await fixture.builder(unitID: "thon-b").yearly(2026)
        #expect(report.unitID == "thon-b")
        #expect(report.commune == ReportFixture.campaign.issuer, "the commune it belongs to, not the unit")
        #expect(report.byUnit.map(\.unitID) == ["thon-b"])
        #expect(cells(report.totals) == [3, 1, 2, 0, 2, 3, 2, 200])
        #expect(report.awards?.individuals.isEmpty == true)
        #expect(report.awards?.units.isEmpty == true)
    }
}
