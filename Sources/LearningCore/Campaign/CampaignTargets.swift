/// What the campaign measures against: each unit's target population per category, and the share of it that
/// should have reached the basic level by the end of each year (the city's figures, entered as data).
public struct CampaignTargets: Sendable, Hashable {
    /// People on each unit's roll (officials) or living in it (adults of a thôn), by category.
    public var population: [String: [LearnerCategory: Int]]
    /// Target percentage per year and category.
    public var percentByYear: [Int: [LearnerCategory: Int]]

    public init(population: [String: [LearnerCategory: Int]], percentByYear: [Int: [LearnerCategory: Int]]) {
        self.population = population
        self.percentByYear = percentByYear
    }

    public static let none = CampaignTargets(population: [:], percentByYear: [:])
}

