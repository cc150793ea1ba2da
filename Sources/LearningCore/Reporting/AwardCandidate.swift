/// A person whose figures meet the individual award criteria, with the figures that qualify them.
public struct AwardCandidate: Sendable, Hashable, Codable {
    public var learnerID: Int64
    public var displayName: String
    public var unitID: String
    public var category: LearnerCategory
    /// Courses completed in the period.
    public var completions: Int
    /// Average score of those completions, in percent with one decimal.
    public var averagePercent: Double

    public init(learnerID: Int64, displayName: String, unitID: String, category: LearnerCategory, completions: Int,
                averagePercent: Double) {
        self.learnerID = learnerID
        self.displayName = displayName
        self.unitID = unitID
        self.category = category
        self.completions = completions
        self.averagePercent = averagePercent
    }
}

/// Learners of one unit who reached the basic level: by the end of the period, and within it.
public struct CoverageCount: Sendable, Hashable {
    public var unitID: String
    public var reachedByEnd: Int
    public var reachedInPeriod: Int

    public init(unitID: String, reachedByEnd: Int, reachedInPeriod: Int) {
        self.unitID = unitID
        self.reachedByEnd = reachedByEnd
        self.reachedInPeriod = reachedInPeriod
    }
}
