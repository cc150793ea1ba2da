import LearningCore

/// The store's figures seen from one unit: what a unit's own report (its clerk's) is made of.
struct UnitScopedReporting: ReportingRepository {
    let base: any ReportingRepository
    let unitID: String

    func figures(for period: ReportingPeriod) async throws
        -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures])
    {
        let (groups, courses) = try await base.figures(for: period)
        return (groups.filter { $0.unitID == unitID }, courses.filter { $0.unitID == unitID })
    }

    func basicLevelReached(category: LearnerCategory, courseIDs: [String], period: ReportingPeriod) async throws
        -> [CoverageCount]
    {
        try await base.basicLevelReached(category: category, courseIDs: courseIDs, period: period)
            .filter { $0.unitID == unitID }
    }

    func learnersCompleting(courseIDs: [String], period: ReportingPeriod) async throws -> [String: Int] {
        try await base.learnersCompleting(courseIDs: courseIDs, period: period).filter { $0.key == unitID }
    }

    func awardCandidates(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int) async throws
        -> (named: [AwardCandidate], withheld: Int)
    {
        let (named, withheld) = try await base.awardCandidates(
            period: period, minimumCourses: minimumCourses, minimumAverage: minimumAverage)
        // Withheld people are not attributed to units; a unit's report names only its own.
        return (named.filter { $0.unitID == unitID }, withheld)
    }
}
