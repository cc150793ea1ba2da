import Foundation
public import LearningCore

/// The city's report read straight from every commune's figures (`hoctap report … --city`): each commune's own
/// report built as its server builds it, then merged exactly as `hoctap report merge` merges their JSON files,
/// so the two agree figure for figure.
public enum CityReport {
    /// One commune: its name in the merged report, where its figures are read, and its campaign.
    public struct Commune: Sendable {
        public var name: String
        public var repository: any ReportingRepository
        public var campaign: CampaignConfiguration

        public init(name: String, repository: any ReportingRepository, campaign: CampaignConfiguration) {
            self.name = name
            self.repository = repository
            self.campaign = campaign
        }
    }

    /// How many communes are read at once: enough to keep a few connections and both cores busy.
    static let concurrentCommunes = 4

    /// The report of `kind` for `year` (a review: its last year) of each commune, merged. Refuses what
    /// `ReportBuilder` refuses for any commune, and what `ReportMerger` refuses.
    public static func merged(kind: CampaignReport.Kind, year: Int, communes: [Commune], catalog: any CourseCatalog,
                              clock: any WallClock) async throws -> ReportMerger.Merged {
        var reports = [CampaignReport?](repeating: nil, count: communes.count)
        try await withThrowingTaskGroup(of: (Int, CampaignReport).self) { group in
            var next = 0
            func start() {
                guard next < communes.count else { return }
                let index = next
                let commune = communes[index]
                next += 1
                group.addTask {
                    var campaign = commune.campaign
                    campaign.issuer = commune.name
                    var builder = ReportBuilder(repository: commune.repository, catalog: catalog, campaign: campaign,
                                                clock: clock)
                    // The merge reads no award proposals.
                    builder.includesAwards = false
                    switch kind {
                    case .yearly: return (index, try await builder.yearly(year))
                    case .review: return (index, try await builder.review(until: year))
                    case .awards: return (index, try await builder.awardsReport(year))
                    }
                }
            }
            for _ in 0..<concurrentCommunes { start() }
            while let (index, report) = try await group.next() {
                reports[index] = report
                start()
            }
        }
        return try ReportMerger.merge(zip(communes, reports).compactMap { commune, report in
            report.map { (name: commune.name, report: $0) }
        })
    }
}
