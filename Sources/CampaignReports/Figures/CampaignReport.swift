public import Foundation
public import LearningCore

/// A report's figures, computed once: what the document renderers lay out and what the JSON file carries for
/// the city to merge. Versioned: `schemaVersion` changes whenever a field changes meaning (see
/// `docs/report-schema.json`).
public struct CampaignReport: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1

    public enum Kind: String, Sendable, Hashable, Codable {
        /// Báo cáo năm.
        case yearly
        /// Sơ kết (2027) or tổng kết (2030): from the start of the campaign.
        case review
        /// Đề xuất khen thưởng.
        case awards
    }

    public struct UnitRow: Sendable, Hashable, Codable {
        public var unitID: String
        public var name: String
        public var kind: String
        public var figures: ActivityFigures
    }

    public struct CategoryRow: Sendable, Hashable, Codable {
        public var category: LearnerCategory
        public var figures: ActivityFigures
    }

    public struct CourseRow: Sendable, Hashable, Codable {
        public var courseID: String
        public var title: String
        public var contents: [Int]
        public var figures: ActivityFigures
    }

    public struct ContentRow: Sendable, Hashable, Codable {
        public var content: Int
        /// Sums over the courses tagged with this content; a course with two contents counts under both.
        public var figures: ActivityFigures
    }

    /// Reached the basic level against the target, for one category (and one unit, or all when `unitID` is nil).
    public struct CoverageRow: Sendable, Hashable, Codable {
        public var category: LearnerCategory
        public var unitID: String?
        public var population: Int
        public var reachedByEnd: Int
        public var reachedInPeriod: Int
        public var targetPercent: Int?

        /// Reached by the end, in percent of the population (rounded half up to one decimal).
        public var percent: Double? { Percent.of(reachedByEnd, population) }

        /// People still to reach the level for the year's target ("còn N người"); zero when met; nil where no
        /// target applies (none configured, or no one to reach it), never "met" by default.
        public var gap: Int? {
            guard let targetPercent, population > 0 else { return nil }
            let needed = (population * targetPercent + 99) / 100
            return max(0, needed - reachedByEnd)
        }
    }

    public struct YearRow: Sendable, Hashable, Codable {
        public var year: Int
        public var figures: ActivityFigures
    }

    public struct UnitAward: Sendable, Hashable, Codable {
        public var unitID: String
        public var name: String
        public var registered: Int
        public var completed: Int
        public var percent: Double
    }

    public struct IndividualAward: Sendable, Hashable, Codable {
        public var candidate: AwardCandidate
        public var unitName: String
    }

    public struct Awards: Sendable, Hashable, Codable {
        public var minimumCourses: Int
        public var minimumAverage: Int
        public var unitContent: Int
        public var unitMinimumPercent: Int
        public var individuals: [IndividualAward]
        /// People who met the criteria but did not consent to being named.
        public var withheld: Int
        public var units: [UnitAward]
    }

    /// Where the current year stands before the deadline.
    public struct DeadlineStatus: Sendable, Hashable, Codable {
        public var asOf: Date
        public var deadline: Date
        public var daysLeft: Int
        public var inactiveUnits: [String]
    }

    public var schemaVersion: Int
    public var kind: Kind
    public var commune: String
    public var campaign: String
    /// "2026", or "2025–2027" for a review.
    public var periodLabel: String
    public var period: ReportingPeriod
    /// The last year the report covers (the report's own year).
    public var year: Int
    public var generatedAt: Date
    public var totals: ActivityFigures
    public var byUnit: [UnitRow]
    public var byCategory: [CategoryRow]
    public var byCourse: [CourseRow]
    public var byContent: [ContentRow]
    public var coverage: [CoverageRow]
    public var coverageByUnit: [CoverageRow]
    public var years: [YearRow]
    public var awards: Awards?
    /// Set while the period runs: the figures are provisional, as of `asOf`, with the days left.
    public var deadline: DeadlineStatus?
    /// The unit whose own report this is (`commune` is then the commune it belongs to); nil for a commune's
    /// report. The city merges communes' reports only.
    public var unitID: String?
}
