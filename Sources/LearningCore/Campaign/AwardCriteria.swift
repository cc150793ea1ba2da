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
