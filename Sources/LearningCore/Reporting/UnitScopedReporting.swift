/// The store's figures seen from one unit: what a unit's own report (its clerk's) is made of. Every query
/// answers for that unit only, so a clerk's dashboard or download cannot reach another unit's figures.
public struct UnitScopedReporting: ReportingRepository {
    public let base: any ReportingRepository
    public let unitID: String

    /// The figures of `base` restricted to `unitID`.
    public init(base: any ReportingRepository, unitID: String) {
        self.base = base
        self.unitID = unitID
    }

    public func figures(for period: ReportingPeriod) async throws
        -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures])
    {
        try await base.figures(for: period, unitID: unitID)
    }

    public func basicLevelReached(category: LearnerCategory, courseIDs: [String], period: ReportingPeriod) async throws
        -> [CoverageCount]
    {
        try await base.basicLevelReached(category: category, courseIDs: courseIDs, period: period)
            .filter { $0.unitID == unitID }
    }

    public func learnersCompleting(courseIDs: [String], period: ReportingPeriod) async throws -> [String: Int] {
        try await base.learnersCompleting(courseIDs: courseIDs, period: period).filter { $0.key == unitID }
    }

    public func awardCandidates(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int) async throws
        -> (named: [AwardCandidate], withheld: Int)
    {
        let (named, _) = try await base.awardCandidates(
            period: period, minimumCourses: minimumCourses, minimumAverage: minimumAverage)
        // The commune's withheld count is never a unit's: only the unit's own, when the store can say it (else 0,
        // and `withheldAwardCandidatesByUnit` stays nil so the report can say the count is not known).
        let withheld = try await base.withheldAwardCandidatesByUnit(
            period: period, minimumCourses: minimumCourses, minimumAverage: minimumAverage)?[unitID] ?? 0
        return (named.filter { $0.unitID == unitID }, withheld)
    }

    public func withheldAwardCandidatesByUnit(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int)
        async throws -> [String: Int]?
    {
        try await base.withheldAwardCandidatesByUnit(
            period: period, minimumCourses: minimumCourses, minimumAverage: minimumAverage)?
            .filter { $0.key == unitID }
    }
}
