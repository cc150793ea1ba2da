public import Foundation
public import LearningCore

/// Collects a report's figures from the store's aggregates: computed once, then rendered many ways.
public struct ReportBuilder: Sendable {
    public let repository: any ReportingRepository
    public let catalog: any CourseCatalog
    public let campaign: CampaignConfiguration
    public let clock: any WallClock
    /// The unit whose own report this builds; nil for the commune's.
    public let unitID: String?
    /// Whether the reports carry their award proposals (`awards`): true but for the city's merge, which reads
    /// none of them, so that they are not read from the store to be thrown away.
    public var includesAwards = true

    /// With `unitID`, the report of that one unit: its figures, its coverage, its people.
    public init(repository: any ReportingRepository, catalog: any CourseCatalog, campaign: CampaignConfiguration,
                clock: any WallClock, unitID: String? = nil) {
        self.catalog = catalog
        self.clock = clock
        self.unitID = unitID
        if let unitID {
            self.repository = UnitScopedReporting(base: repository, unitID: unitID)
            var scoped = campaign
            scoped.units = campaign.units.filter { $0.id == unitID }
            self.campaign = scoped
        } else {
            self.repository = repository
            self.campaign = campaign
        }
    }

    /// The yearly report (báo cáo năm) of `year`, its period ending on the deadline. Refused for a year before
    /// the campaign or after the running one, and when the courses or the configuration would make it all zeros.
    /// While the year runs, the report carries the days left (`deadline`): its figures are provisional.
    public func yearly(_ year: Int) async throws -> CampaignReport {
        try checkYear(year)
        try checkConfiguration()
        let period = campaign.period(year: year)
        var report = try await build(kind: .yearly, period: period, year: year, label: String(year))
        report.awards = try await awards(period: period, byUnit: report.byUnit)
        markProvisional(&report)
        return report
    }

    /// The review (sơ kết, tổng kết) from the campaign's first year to `year`, with each year's figures. Refused
    /// for a year other than the configured review years, or one that has not started yet.
    public func review(until year: Int) async throws -> CampaignReport {
        guard year == campaign.midTermReviewYear || year == campaign.finalReviewYear else {
            throw ReportRefusal(.notAReviewYear, String(year), String(campaign.midTermReviewYear),
                                String(campaign.finalReviewYear))
        }
        try checkYear(year)
        try checkConfiguration()
        let period = ReportingPeriod.review(from: campaign.startYear, until: year, deadline: campaign.yearlyDeadline,
                                            timeZone: campaign.timeZone)
        var report = try await build(kind: .review, period: period, year: year,
                                     label: "\(campaign.startYear)–\(year)")
        var years: [CampaignReport.YearRow] = []
        for each in campaign.startYear...max(campaign.startYear, year) {
            let (groups, _) = try await repository.figures(for: campaign.period(year: each))
            years.append(.init(year: each, figures: groups.reduce(ActivityFigures()) { $0 + $1.figures }))
        }
        report.years = years
        report.awards = try await awards(period: period, byUnit: report.byUnit)
        markProvisional(&report)
        return report
    }

    /// The figures of any period (the staff area's dashboard: the reporting year by default, or chosen dates),
    /// laid out as the yearly report of `year`, whose targets apply; with the days left until the deadline of
    /// the reporting year running today, and the units with no activity in the period.
    public func overview(period: ReportingPeriod, year: Int, label: String) async throws -> CampaignReport {
        var report = try await build(kind: .yearly, period: period, year: year, label: label)
        let now = clock.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = campaign.timeZone
        let thisYear = calendar.component(.year, from: now)
        if let running = [thisYear, thisYear + 1].map({ campaign.period(year: $0) }).first(where: { $0.contains(now) }) {
            report.deadline = deadlineStatus(period: running, asOf: now, byUnit: report.byUnit)
        }
        return report
    }

    /// The award proposals of `year` alone, refused as the yearly report is.
    public func awardsReport(_ year: Int) async throws -> CampaignReport {
        try checkYear(year)
        try checkConfiguration()
        let period = campaign.period(year: year)
        var report = try await build(kind: .awards, period: period, year: year, label: String(year))
        report.awards = try await awards(period: period, byUnit: report.byUnit)
        markProvisional(&report)
        return report
    }

    /// The reporting year running at `now`: the one whose period (to the end of its deadline day) contains it.
    public func runningYear(at now: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = campaign.timeZone
        let year = calendar.component(.year, from: now)
        return now < campaign.period(year: year).end ? year : year + 1
    }

    /// A report's year must lie between the campaign's first year and the one running now.
    private func checkYear(_ year: Int) throws {
        guard year >= campaign.startYear else {
            throw ReportRefusal(.yearBeforeCampaign, String(year), String(campaign.startYear))
        }
        let running = runningYear(at: clock.now())
        guard year <= running else { throw ReportRefusal(.yearNotStarted, String(year), String(running)) }
    }

    /// Refuses what would make every figure zero without saying so: no course at all, a basic-level course set
    /// naming a course that does not exist, no course of the content the unit award is judged on.
    private func checkConfiguration() throws {
        guard !catalog.courses.isEmpty else { throw ReportRefusal(.noCourses) }
        let missing = campaign.basicLevel.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap { category, ids in
            let unknown = ids.filter { catalog.course(id: $0) == nil }
            return unknown.isEmpty ? nil : "\(category.rawValue): \(unknown.joined(separator: ", "))"
        }
        guard missing.isEmpty else {
            throw ReportRefusal(.unknownConfiguredCourse, missing.joined(separator: "; "))
        }
        let content = campaign.awards.unitContent
        guard catalog.courses.contains(where: { $0.contents.contains(content) }) else {
            throw ReportRefusal(.noCourseForAwardContent, String(content.rawValue))
        }
    }

    /// A report whose period has not ended is provisional: it says so, as of now, with the days left.
    private func markProvisional(_ report: inout CampaignReport) {
        let now = clock.now()
        if report.period.contains(now) {
            report.deadline = deadlineStatus(period: report.period, asOf: now, byUnit: report.byUnit)
        }
    }

    private func build(kind: CampaignReport.Kind, period: ReportingPeriod, year: Int, label: String) async throws
        -> CampaignReport
    {
        let (groups, courses) = try await repository.figures(for: period)
        let total = groups.reduce(ActivityFigures()) { $0 + $1.figures }
        let unitNames = Dictionary(uniqueKeysWithValues: campaign.units.map { ($0.id, $0) })
        let groupsByUnit = Dictionary(grouping: groups, by: \.unitID)
        // Units of the configuration in its order, then any unit known only from the data (kept, not lost).
        let unitIDs = campaign.units.filter { $0.retiredAt == nil || groupsByUnit[$0.id] != nil }.map(\.id)
            + groupsByUnit.keys.filter { unitNames[$0] == nil }.sorted()
        let byUnit = unitIDs.map { id in
            CampaignReport.UnitRow(
                unitID: id, name: unitNames[id]?.name ?? id, kind: unitNames[id]?.kind.rawValue ?? "",
                figures: (groupsByUnit[id] ?? []).reduce(ActivityFigures()) { $0 + $1.figures })
        }
        let byCategory = LearnerCategory.allCases.map { category in
            CampaignReport.CategoryRow(category: category, figures: groups.filter { $0.category == category }
                .reduce(ActivityFigures()) { $0 + $1.figures })
        }
        let coursesByID = Dictionary(grouping: courses, by: \.courseID)
        let courseIDs = (catalog.courses.map(\.id) + coursesByID.keys.filter { catalog.course(id: $0) == nil }.sorted())
        let byCourse = courseIDs.map { id in
            CampaignReport.CourseRow(
                courseID: id, title: catalog.course(id: id)?.title ?? id,
                contents: catalog.course(id: id)?.contents.map(\.rawValue) ?? [],
                figures: (coursesByID[id] ?? []).reduce(ActivityFigures()) { $0 + $1.figures })
        }
        let byContent = ContentArea.validRange.map { content in
            CampaignReport.ContentRow(content: content, figures: byCourse.filter { $0.contents.contains(content) }
                .reduce(ActivityFigures()) { $0 + $1.figures })
        }
        // An award proposal shows no coverage table: spare its queries.
        let (coverage, coverageByUnit) = kind == .awards ? ([], []) : try await coverage(period: period, year: year)
        return CampaignReport(
            schemaVersion: CampaignReport.currentSchemaVersion, kind: kind, commune: campaign.issuer,
            campaign: campaign.name, periodLabel: label, period: period, year: year, generatedAt: clock.now(),
            totals: total, byUnit: byUnit, byCategory: byCategory, byCourse: byCourse, byContent: byContent,
            coverage: coverage, coverageByUnit: coverageByUnit, years: [], awards: nil, deadline: nil,
            unitID: unitID)
    }

    /// Reached the basic level against each unit's target population, per category, cumulatively.
    private func coverage(period: ReportingPeriod, year: Int) async throws
        -> (byCategory: [CampaignReport.CoverageRow], byUnit: [CampaignReport.CoverageRow])
    {
        // The target of the latest configured year not after this one.
        let targetYear = campaign.targets.percentByYear.keys.filter { $0 <= year }.max()
        let targets = targetYear.flatMap { campaign.targets.percentByYear[$0] } ?? [:]
        var byCategory: [CampaignReport.CoverageRow] = []
        var byUnit: [CampaignReport.CoverageRow] = []
        for category in LearnerCategory.allCases {
            guard let courses = campaign.basicLevel[category] else { continue }
            let counts = Dictionary(uniqueKeysWithValues: try await repository
                .basicLevelReached(category: category, courseIDs: courses, period: period).map { ($0.unitID, $0) })
            var total = CampaignReport.CoverageRow(category: category, unitID: nil, population: 0, reachedByEnd: 0,
                                                   reachedInPeriod: 0, targetPercent: targets[category])
            let unitIDs = campaign.units.map(\.id) + counts.keys.filter { id in !campaign.units.contains { $0.id == id } }
            for unitID in unitIDs {
                let population = campaign.targets.population[unitID]?[category] ?? 0
                let count = counts[unitID]
                guard population > 0 || count != nil else { continue }
                let row = CampaignReport.CoverageRow(
                    category: category, unitID: unitID, population: population,
                    reachedByEnd: count?.reachedByEnd ?? 0, reachedInPeriod: count?.reachedInPeriod ?? 0,
                    targetPercent: targets[category])
                byUnit.append(row)
                total.population += row.population
                total.reachedByEnd += row.reachedByEnd
                total.reachedInPeriod += row.reachedInPeriod
            }
            byCategory.append(total)
        }
        return (byCategory, byUnit)
    }

    /// Award proposals by the configured criteria, each with the figures that qualify it.
    /// `byUnit` are the period's unit figures already computed (their registered learners are the base).
    private func awards(period: ReportingPeriod, byUnit: [CampaignReport.UnitRow]) async throws
        -> CampaignReport.Awards?
    {
        guard includesAwards else { return nil }
        let criteria = campaign.awards
        let (named, withheld) = try await repository.awardCandidates(
            period: period, minimumCourses: criteria.individualMinimumCourses,
            minimumAverage: criteria.individualMinimumAverage)
        let unitNames = Dictionary(uniqueKeysWithValues: campaign.units.map { ($0.id, $0.name) })
        let contentCourses = catalog.courses.filter { $0.contents.contains(criteria.unitContent) }.map(\.id)
        let completing = try await repository.learnersCompleting(courseIDs: contentCourses, period: period)
        let registered = Dictionary(uniqueKeysWithValues: byUnit.map { ($0.unitID, $0.figures.registered) })
        let units = campaign.units.compactMap { unit -> CampaignReport.UnitAward? in
            let people = registered[unit.id] ?? 0
            let completed = completing[unit.id] ?? 0
            guard people > 0, completed * 100 >= criteria.unitMinimumPercent * people else { return nil }
            return .init(unitID: unit.id, name: unit.name, registered: people, completed: completed,
                         percent: Percent.of(completed, people) ?? 0)
        }
        return .init(
            minimumCourses: criteria.individualMinimumCourses, minimumAverage: criteria.individualMinimumAverage,
            unitContent: criteria.unitContent.rawValue, unitMinimumPercent: criteria.unitMinimumPercent,
            individuals: named.map { .init(candidate: $0, unitName: unitNames[$0.unitID] ?? $0.unitID) },
            withheld: withheld, units: units.sorted { $0.percent > $1.percent })
    }

    private func deadlineStatus(period: ReportingPeriod, asOf now: Date, byUnit: [CampaignReport.UnitRow])
        -> CampaignReport.DeadlineStatus
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = campaign.timeZone
        let deadlineDay = period.end.addingTimeInterval(-1)
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: now),
                                           to: calendar.startOfDay(for: deadlineDay)).day ?? 0
        return .init(asOf: now, deadline: calendar.startOfDay(for: deadlineDay), daysLeft: max(0, days),
                     inactiveUnits: byUnit.filter { $0.figures.active == 0 }.map(\.unitID))
    }
}
