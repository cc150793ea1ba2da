public import Foundation
public import LearningCore

/// Communes' JSON reports combined for the city: the same schema version, the same period, each commune once.
public enum ReportMerger {
    /// Why files could not be merged; `file` names the one at fault.
    public struct Refusal: Error, Sendable, Hashable {
        public enum Reason: String, Sendable, Hashable {
            case schemaVersion = "schema-version"
            case period
            case duplicateCommune = "duplicate-commune"
            case nothingToMerge = "nothing-to-merge"
        }

        public var reason: Reason
        public var file: String
        public var detail: String

        public init(reason: Reason, file: String, detail: String) {
            self.reason = reason
            self.file = file
            self.detail = detail
        }
    }

    /// The city's combined figures.
    public struct Merged: Sendable, Hashable, Codable {
        public struct Commune: Sendable, Hashable, Codable {
            public var commune: String
            public var totals: ActivityFigures
        }

        public var schemaVersion: Int
        public var kind: String
        public var periodLabel: String
        public var period: ReportingPeriod
        public var communes: [Commune]
        public var totals: ActivityFigures
        public var byCategory: [CampaignReport.CategoryRow]
        public var coverage: [CampaignReport.CoverageRow]
    }

    public static func merge(_ files: [(name: String, report: CampaignReport)]) throws(Refusal) -> Merged {
        guard let first = files.first else { throw Refusal(reason: .nothingToMerge, file: "", detail: "") }
        var seen: [String: String] = [:]
        for (name, report) in files {
            guard report.schemaVersion == CampaignReport.currentSchemaVersion else {
                throw Refusal(reason: .schemaVersion, file: name, detail: String(report.schemaVersion))
            }
            guard report.period == first.report.period, report.kind == first.report.kind else {
                throw Refusal(reason: .period, file: name, detail: report.periodLabel)
            }
            let key = TextNormalizer.comparisonKey(report.commune)
            if let earlier = seen[key] {
                throw Refusal(reason: .duplicateCommune, file: name, detail: "\(report.commune) (\(earlier))")
            }
            seen[key] = name
        }
        let reports = files.map(\.report)
        let byCategory = LearnerCategory.allCases.map { category in
            CampaignReport.CategoryRow(category: category, figures: reports.flatMap(\.byCategory)
                .filter { $0.category == category }.reduce(ActivityFigures()) { $0 + $1.figures })
        }
        let coverage = LearnerCategory.allCases.compactMap { category -> CampaignReport.CoverageRow? in
            let rows = reports.flatMap(\.coverage).filter { $0.category == category }
            guard !rows.isEmpty else { return nil }
            return CampaignReport.CoverageRow(
                category: category, unitID: nil, population: rows.reduce(0) { $0 + $1.population },
                reachedByEnd: rows.reduce(0) { $0 + $1.reachedByEnd },
                reachedInPeriod: rows.reduce(0) { $0 + $1.reachedInPeriod }, targetPercent: rows.first?.targetPercent)
        }
        return Merged(
            schemaVersion: CampaignReport.currentSchemaVersion, kind: "merged-\(first.report.kind.rawValue)",
            periodLabel: first.report.periodLabel, period: first.report.period,
            communes: reports.map { .init(commune: $0.commune, totals: $0.totals) }.sorted { $0.commune < $1.commune },
            totals: reports.reduce(ActivityFigures()) { $0 + $1.totals }, byCategory: byCategory, coverage: coverage)
    }

    public static func encode(_ merged: Merged) throws -> Data {
        try JSONReportCoder.encoder.encode(merged)
    }
}
