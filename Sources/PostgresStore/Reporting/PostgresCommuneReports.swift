public import LearningCore

/// One commune's figures read as the city's reporting role (`PostgresCityReports.commune(_:)`): only what its
/// reports read, each statement naming the commune, since that role's policies show every commune's rows. It
/// offers no other part of a store: none of a store's other reads name their commune (row-level security does
/// it for `hoctap_app`), and the role may write nothing anyway.
public struct PostgresCommuneReports: ReportingRepository {
    /// A store of this commune running as `hoctap_city`, kept inside so that nothing else of it is reachable.
    private let store: PostgresStore

    init(store: PostgresStore) {
        self.store = store
    }

    /// The commune.
    public var commune: CommuneID { store.commune }

    /// The commune's units, by code.
    public func units() async throws -> [CommuneUnit] {
        try await store.units()
    }

    public func figures(for period: ReportingPeriod) async throws
        -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures])
    {
        try await store.figures(for: period)
    }

    public func figures(for period: ReportingPeriod, unitID: String) async throws
        -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures])
    {
        try await store.figures(for: period, unitID: unitID)
    }

    public func basicLevelReached(category: LearnerCategory, courseIDs: [String], period: ReportingPeriod)
        async throws -> [CoverageCount]
    {
        try await store.basicLevelReached(category: category, courseIDs: courseIDs, period: period)
    }

    public func learnersCompleting(courseIDs: [String], period: ReportingPeriod) async throws -> [String: Int] {
        try await store.learnersCompleting(courseIDs: courseIDs, period: period)
    }

    public func awardCandidates(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int) async throws
        -> (named: [AwardCandidate], withheld: Int)
    {
        try await store.awardCandidates(period: period, minimumCourses: minimumCourses, minimumAverage: minimumAverage)
    }

    public func withheldAwardCandidatesByUnit(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int)
        async throws -> [String: Int]?
    {
        try await store.withheldAwardCandidatesByUnit(period: period, minimumCourses: minimumCourses,
                                                      minimumAverage: minimumAverage)
    }
}
