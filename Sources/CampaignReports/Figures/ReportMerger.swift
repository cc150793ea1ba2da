public import Foundation
public import LearningCore

/// Communes' JSON reports combined for the city: the same schema version, the same kind of report and period,
/// each commune once, a commune's report (never a unit's), and every file sound on its own: no negative count, no
/// count beyond `maximumCount`, totals equal to their breakdowns. Sums are checked, so no file can crash it.
public enum ReportMerger {
    /// Larger than any commune's or city's count can be (10^12): a file with more is refused, so that sums over
    /// many files and the rates derived from them (×1000) stay far inside 64-bit integers.
    public static let maximumCount = 1_000_000_000_000

    /// Why files could not be merged; `file` names the one at fault, `detail` what is wrong in it (`expected`:
    /// what the first file has, for a different kind of report).
    public struct Refusal: Error, Sendable, Hashable {
        public enum Reason: String, Sendable, Hashable {
            case schemaVersion = "schema-version"
            case period
            /// A different kind of report (yearly, review, awards) than the first file's.
            case kind
            /// A unit's own report, where communes' reports are merged.
            case unitReport = "unit-report"
            case duplicateCommune = "duplicate-commune"
            case nothingToMerge = "nothing-to-merge"
            /// A count below zero.
            case negative
            /// A count beyond `maximumCount`, or a sum that would not fit.
            case overflow
            /// A total that differs from the sum of its breakdown.
            case inconsistent
        }

        public var reason: Reason
        public var file: String
        public var detail: String
        public var expected: String

        public init(reason: Reason, file: String, detail: String, expected: String = "") {
            self.reason = reason
            self.file = file
            self.detail = detail
            self.expected = expected
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

    /// The city's figures from `files` (a name for messages, and the report read from it), or the first reason
    /// a file cannot be merged.
    public static func merge(_ files: [(name: String, report: CampaignReport)]) throws(Refusal) -> Merged {
        guard let first = files.first else { throw Refusal(reason: .nothingToMerge, file: "", detail: "") }
        var seen: [String: String] = [:]
        for (name, report) in files {
            guard report.schemaVersion == CampaignReport.currentSchemaVersion else {
                throw Refusal(reason: .schemaVersion, file: name, detail: String(report.schemaVersion))
            }
            if let unitID = report.unitID {
                throw Refusal(reason: .unitReport, file: name, detail: unitID)
            }
            guard report.kind == first.report.kind else {
                throw Refusal(reason: .kind, file: name, detail: report.kind.rawValue,
                              expected: first.report.kind.rawValue)
            }
            guard report.period == first.report.period else {
                throw Refusal(reason: .period, file: name, detail: report.periodLabel)
            }
            let key = TextNormalizer.comparisonKey(report.commune)
            if let earlier = seen[key] {
                throw Refusal(reason: .duplicateCommune, file: name, detail: "\(report.commune) (\(earlier))")
            }
            seen[key] = name
            try check(report, file: name)
        }
        var totals = ActivityFigures()
        var byCategory = LearnerCategory.allCases.map { CampaignReport.CategoryRow(category: $0, figures: .init()) }
        var coverage: [LearnerCategory: CampaignReport.CoverageRow] = [:]
        for (name, report) in files {
            totals = try sum(totals, report.totals, file: name, what: "totals")
            for row in report.byCategory {
                guard let index = byCategory.firstIndex(where: { $0.category == row.category }) else { continue }
                byCategory[index].figures = try sum(byCategory[index].figures, row.figures, file: name,
                                                    what: "byCategory.\(row.category.rawValue)")
            }
            for row in report.coverage {
                var merged = coverage[row.category] ?? CampaignReport.CoverageRow(
                    category: row.category, unitID: nil, population: 0, reachedByEnd: 0, reachedInPeriod: 0,
                    targetPercent: row.targetPercent)
                let what = "coverage.\(row.category.rawValue)"
                merged.population = try add(merged.population, row.population, file: name, what: what)
                merged.reachedByEnd = try add(merged.reachedByEnd, row.reachedByEnd, file: name, what: what)
                merged.reachedInPeriod = try add(merged.reachedInPeriod, row.reachedInPeriod, file: name, what: what)
                coverage[row.category] = merged
            }
        }
        return Merged(
            schemaVersion: CampaignReport.currentSchemaVersion, kind: "merged-\(first.report.kind.rawValue)",
            periodLabel: first.report.periodLabel, period: first.report.period,
            communes: files.map { .init(commune: $0.report.commune, totals: $0.report.totals) }
                .sorted { $0.commune < $1.commune },
            totals: totals, byCategory: byCategory,
            coverage: LearnerCategory.allCases.compactMap { coverage[$0] })
    }

    /// One file on its own: no negative count, none too large, totals equal to their breakdowns (units and
    /// categories; the course-level counts of the courses; coverage per category and its units).
    static func check(_ report: CampaignReport, file: String) throws(Refusal) {
        var named: [(String, ActivityFigures)] = [("totals", report.totals)]
        named += report.byUnit.map { ("byUnit.\($0.unitID)", $0.figures) }
        named += report.byCategory.map { ("byCategory.\($0.category.rawValue)", $0.figures) }
        named += report.byCourse.map { ("byCourse.\($0.courseID)", $0.figures) }
        named += report.byContent.map { ("byContent.\($0.content)", $0.figures) }
        named += report.years.map { ("years.\($0.year)", $0.figures) }
        var values: [(String, Int)] = named.flatMap { name, figures in counts(figures).map { ("\(name).\($0)", $1) } }
        for row in report.coverage + report.coverageByUnit {
            let name = "coverage.\(row.unitID ?? "*").\(row.category.rawValue)"
            values += [("\(name).population", row.population), ("\(name).reachedByEnd", row.reachedByEnd),
                       ("\(name).reachedInPeriod", row.reachedInPeriod)]
        }
        for (name, value) in values {
            if value < 0 { throw Refusal(reason: .negative, file: file, detail: "\(name) = \(value)") }
            if value > maximumCount { throw Refusal(reason: .overflow, file: file, detail: "\(name) = \(value)") }
        }
        let total = counts(report.totals).map(\.1)
        if try counts(sum(report.byUnit.map(\.figures), file: file, what: "byUnit")).map(\.1) != total {
            throw Refusal(reason: .inconsistent, file: file, detail: "byUnit")
        }
        if try counts(sum(report.byCategory.map(\.figures), file: file, what: "byCategory")).map(\.1) != total {
            throw Refusal(reason: .inconsistent, file: file, detail: "byCategory")
        }
        let courses = try sum(report.byCourse.map(\.figures), file: file, what: "byCourse")
        let courseLevel: [KeyPath<ActivityFigures, Int>] = [\.enrolments, \.lessonCompletions, \.courseCompletions,
                                                           \.finalAttempts, \.percentSum]
        if courseLevel.contains(where: { courses[keyPath: $0] != report.totals[keyPath: $0] }) {
            throw Refusal(reason: .inconsistent, file: file, detail: "byCourse")
        }
        for row in report.coverage {
            let units = report.coverageByUnit.filter { $0.category == row.category }
            let what = "coverage.\(row.category.rawValue)"
            var sums = [0, 0, 0]
            for unit in units {
                sums = [try add(sums[0], unit.population, file: file, what: what),
                        try add(sums[1], unit.reachedByEnd, file: file, what: what),
                        try add(sums[2], unit.reachedInPeriod, file: file, what: what)]
            }
            guard sums == [row.population, row.reachedByEnd, row.reachedInPeriod] else {
                throw Refusal(reason: .inconsistent, file: file, detail: "coverage.\(row.category.rawValue)")
            }
        }
    }

    /// The counts of `figures`, named as in the JSON.
    static func counts(_ figures: ActivityFigures) -> [(String, Int)] {
        [("registered", figures.registered), ("active", figures.active), ("enrolments", figures.enrolments),
         ("lessonCompletions", figures.lessonCompletions), ("courseCompletions", figures.courseCompletions),
         ("finalAttempts", figures.finalAttempts), ("passedAttempts", figures.passedAttempts),
         ("percentSum", figures.percentSum)]
    }

    /// `lhs + rhs`, refused instead of trapping when it would not fit.
    static func add(_ lhs: Int, _ rhs: Int, file: String, what: String) throws(Refusal) -> Int {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        if overflow { throw Refusal(reason: .overflow, file: file, detail: what) }
        return sum
    }

    /// The field-by-field sum of `rows`, refused instead of trapping when a sum would not fit.
    static func sum(_ rows: [ActivityFigures], file: String, what: String) throws(Refusal) -> ActivityFigures {
        var total = ActivityFigures()
        for row in rows { total = try sum(total, row, file: file, what: what) }
        return total
    }

    /// Field by field `lhs + rhs`, refused instead of trapping when a sum would not fit.
    static func sum(_ lhs: ActivityFigures, _ rhs: ActivityFigures, file: String, what: String) throws(Refusal)
        -> ActivityFigures
    {
        var sum = lhs
        sum.registered = try add(lhs.registered, rhs.registered, file: file, what: what)
        sum.active = try add(lhs.active, rhs.active, file: file, what: what)
        sum.enrolments = try add(lhs.enrolments, rhs.enrolments, file: file, what: what)
        sum.lessonCompletions = try add(lhs.lessonCompletions, rhs.lessonCompletions, file: file, what: what)
        sum.courseCompletions = try add(lhs.courseCompletions, rhs.courseCompletions, file: file, what: what)
        sum.finalAttempts = try add(lhs.finalAttempts, rhs.finalAttempts, file: file, what: what)
        sum.passedAttempts = try add(lhs.passedAttempts, rhs.passedAttempts, file: file, what: what)
        sum.percentSum = try add(lhs.percentSum, rhs.percentSum, file: file, what: what)
        return sum
    }

    public static func encode(_ merged: Merged) throws -> Data {
        try JSONReportCoder.encoder.encode(merged)
    }
}
