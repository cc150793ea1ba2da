/// The counts reports are made of, computed where the data is (SQL aggregates), never by loading attempts.
public protocol ReportingRepository: Sendable {
    /// Learner-level and course-level figures per unit and category for a period.
    func figures(for period: ReportingPeriod) async throws -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures])

    /// The figures of `figures(for:)` whose unit is `unitID`; a store may read that unit's rows alone.
    func figures(for period: ReportingPeriod, unitID: String) async throws
        -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures])

    /// Per unit, learners of `category` who completed every course of `courseIDs`: by the end of the period, and
    /// with the last of them completed within it.
    func basicLevelReached(category: LearnerCategory, courseIDs: [String], period: ReportingPeriod) async throws
        -> [CoverageCount]

    /// Per unit, distinct learners who completed at least one of `courseIDs` in the period.
    func learnersCompleting(courseIDs: [String], period: ReportingPeriod) async throws -> [String: Int]

    /// People meeting the individual criteria who consented to being named in reports, and how many more met
    /// them without that consent (counted, never named).
    func awardCandidates(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int) async throws
        -> (named: [AwardCandidate], withheld: Int)

    /// Per unit, how many people met the individual criteria without consent to be named (the `withheld` of
    /// `awardCandidates`, by the unit of the learner), so that a unit's own report gives its own count. Nil when
    /// the store cannot tell them apart by unit.
    func withheldAwardCandidatesByUnit(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int)
        async throws -> [String: Int]?
}

extension ReportingRepository {
    /// A store that does not count withheld people per unit: nil, so a unit's report never shows the commune's
    /// count as its own.
    public func withheldAwardCandidatesByUnit(period: ReportingPeriod, minimumCourses: Int, minimumAverage: Int)
        async throws -> [String: Int]?
    {
        nil
    }
}

extension ReportingRepository {
    /// By default, the whole commune's figures filtered to the unit.
    public func figures(for period: ReportingPeriod, unitID: String) async throws
        -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures])
    {
        let (groups, courses) = try await figures(for: period)
        return (groups.filter { $0.unitID == unitID }, courses.filter { $0.unitID == unitID })
    }
}
