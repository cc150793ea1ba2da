import CampaignReports
import Foundation
import LearningCore
import Testing

/// `report merge` checks every file on its own before it adds anything up.
@Suite("Merging communes' reports refuses what does not add up")
struct ReportMergeTests {
    private func report() async throws -> CampaignReport {
        try await ReportFixture().builder(now: ReportFixture.local(2026, 12, 20)).yearly(2026)
    }

    private func other(_ report: CampaignReport) -> CampaignReport {
        var other = report
        other.commune = "Ủy ban nhân dân xã Khác"
        return other
    }

    @Test func aDifferentKindOfReportIsNamedAsSuch() async throws {
        let yearly = try await report()
        var awards = other(yearly)
        awards.kind = .awards
        #expect(throws: ReportMerger.Refusal(reason: .kind, file: "b.json", detail: "awards", expected: "yearly")) {
            try ReportMerger.merge([("a.json", yearly), ("b.json", awards)])
        }
    }

    @Test func aUnitsReportIsNotACommunes() async throws {
        let yearly = try await report()
        let unit = try await ReportFixture().builder(unitID: "thon-a", now: ReportFixture.local(2026, 12, 20))
            .yearly(2026)
        #expect(throws: ReportMerger.Refusal(reason: .unitReport, file: "b.json", detail: "thon-a")) {
            try ReportMerger.merge([("a.json", yearly), ("b.json", unit)])
        }
    }

    @Test func aNegativeCountIsRefused() async throws {
        let good = try await report()
        var broken = other(good)
        let row = try #require(broken.coverageByUnit.firstIndex { $0.unitID == "thon-a" && $0.category == .citizens })
        broken.coverageByUnit[row].reachedInPeriod = -2
        #expect(throws: ReportMerger.Refusal(reason: .negative, file: "b.json",
                                             detail: "coverage.thon-a.nguoi-dan.reachedInPeriod = -2")) {
            try ReportMerger.merge([("a.json", good), ("b.json", broken)])
        }
    }

    @Test func totalsThatDifferFromTheirBreakdownsAreRefused() async throws {
        let good = try await report()
        var units = other(good)
        units.byUnit[0].figures.active += 1
        var categories = other(good)
        categories.byCategory[0].figures.registered += 1
        var courses = other(good)
        courses.byCourse[0].figures.courseCompletions += 1
        var coverage = other(good)
        coverage.coverage[0].reachedByEnd += 1
        for (file, detail) in [(units, "byUnit"), (categories, "byCategory"), (courses, "byCourse"),
                               (coverage, "coverage.\(good.coverage[0].category.rawValue)")] {
            #expect(throws: ReportMerger.Refusal(reason: .inconsistent, file: "b.json", detail: detail)) {
                try ReportMerger.merge([("a.json", good), ("b.json", file)])
            }
        }
    }

    /// Two files whose totals would overflow a 64-bit sum: they crashed the merge (arithmetic overflow trap).
    @Test func numbersThatWouldOverflowAreRefusedNotACrash() async throws {
        var big = try await report()
        let huge = Int.max / 2 + 1
        func inflate(_ report: inout CampaignReport) {
            report.totals.registered += huge
            report.byUnit[0].figures.registered += huge
            report.byCategory[0].figures.registered += huge
        }
        inflate(&big)
        var bigToo = other(big)
        bigToo.commune = "Ủy ban nhân dân xã Lớn"
        #expect(throws: ReportMerger.Refusal(reason: .overflow, file: "a.json",
                                             detail: "totals.registered = \(big.totals.registered)")) {
            try ReportMerger.merge([("a.json", big), ("b.json", bigToo)])
        }
        // At the limit the files are merged, and the sum is exact.
        var edge = try await report()
        let room = ReportMerger.maximumCount - edge.totals.registered
        edge.totals.registered += room
        edge.byUnit[0].figures.registered += room
        edge.byCategory[0].figures.registered += room
        let merged = try ReportMerger.merge([("a.json", edge), ("b.json", other(edge))])
        #expect(merged.totals.registered == 2 * ReportMerger.maximumCount)
    }

    @Test func soundFilesStillMerge() async throws {
        let good = try await report()
        let merged = try ReportMerger.merge([("a.json", good), ("b.json", other(good))])
        #expect(merged.totals.courseCompletions == 2 * good.totals.courseCompletions)
        #expect(merged.communes.count == 2)
    }
}
