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

