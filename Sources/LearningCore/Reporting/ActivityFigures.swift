/// Counts for one cell of a report (a unit, a category, a course, or all), for a period. Every field adds up
/// across a partition, so totals are sums of their breakdowns; rates and averages derive from the sums.
public struct ActivityFigures: Sendable, Hashable, Codable {
    /// Learners registered by the end of the period (not anonymised-away: they still count).
    public var registered = 0
    /// Learners with any lesson event or attempt in the period.
    public var active = 0
    /// (learner, course) pairs with activity in the period.
    public var enrolments = 0
    /// Lessons finished for the first time in the period.
    public var lessonCompletions = 0
    /// Courses completed in the period.
    public var courseCompletions = 0
    /// Final-quiz attempts submitted in the period.
    public var finalAttempts = 0
    /// Of those, the ones that passed.
    public var passedAttempts = 0
    /// Sum of the final attempts' whole percents (for the average).
    public var percentSum = 0

    public init() {}

    public static func + (lhs: Self, rhs: Self) -> Self {
        var sum = lhs
        sum.registered += rhs.registered
        sum.active += rhs.active
        sum.enrolments += rhs.enrolments
        sum.lessonCompletions += rhs.lessonCompletions
        sum.courseCompletions += rhs.courseCompletions
        sum.finalAttempts += rhs.finalAttempts
        sum.passedAttempts += rhs.passedAttempts
        sum.percentSum += rhs.percentSum
        return sum
    }

    /// Course completions per enrolment, in percent rounded half up to one decimal, or nil without enrolments.
    public var completionRate: Double? { Percent.of(courseCompletions, enrolments) }
    /// Passed final attempts per final attempt, in percent rounded half up to one decimal.
    public var passRate: Double? { Percent.of(passedAttempts, finalAttempts) }
    /// Average final-quiz score in percent rounded half up to one decimal (the mean of whole percents).
    public var averageScore: Double? { Percent.of(percentSum, finalAttempts * 100) }
}

