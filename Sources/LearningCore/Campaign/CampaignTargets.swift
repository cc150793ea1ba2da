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

/// The stated criteria of the award proposals (đề xuất khen thưởng).
public struct AwardCriteria: Sendable, Hashable {
    /// An individual qualifies with at least this many courses completed in the period …
    public var individualMinimumCourses: Int
    /// … and an average final score of at least this percent.
    public var individualMinimumAverage: Int
    /// A unit qualifies when at least this percent of its registered people completed a course …
    public var unitMinimumPercent: Int
    /// … of this campaign content (2: the "học tập số" movement).
    public var unitContent: ContentArea

    public init(individualMinimumCourses: Int, individualMinimumAverage: Int, unitMinimumPercent: Int,
                unitContent: ContentArea) {
        self.individualMinimumCourses = individualMinimumCourses
        self.individualMinimumAverage = individualMinimumAverage
        self.unitMinimumPercent = unitMinimumPercent
        self.unitContent = unitContent
    }
}

/// How a report is addressed and signed, from the configuration.
public struct ReportSettings: Sendable, Hashable {
    /// The document symbol after the number: "BC-UBND".
    public var symbol: String
    /// Kính gửi, for the report sent to the city.
    public var sentTo: String?
    public var recipients: [String]
    public var authority: [String]
    public var signer: String

    public init(symbol: String, sentTo: String?, recipients: [String], authority: [String], signer: String) {
        self.symbol = symbol
        self.sentTo = sentTo
        self.recipients = recipients
        self.authority = authority
        self.signer = signer
    }
}
