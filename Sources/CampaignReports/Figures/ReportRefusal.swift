public import LearningCore

/// Why a report was not made: an input that would give a wrong report (all zeros, a year that has not come, a
/// date the figures contradict) is refused, never rendered. Worded from `errors.report.<kind>` of
/// `Content/strings`; the CLI prints it and exits 1, the staff area answers it with a 4xx.
public struct ReportRefusal: UserFacingError, Hashable {
    /// The kinds of refusal; the raw value is the message key's last part.
    public enum Kind: String, Sendable, Hashable {
        /// No course was found (the folder is empty, or every course has errors): every figure would be zero.
        case noCourses = "no-courses"
        /// `basic_level` of the configuration names courses no course has (`detail`: "category: id, …").
        case unknownConfiguredCourse = "unknown-configured-course"
        /// No course carries the campaign content the unit award is judged on.
        case noCourseForAwardContent = "no-course-for-award-content"
        /// A reporting year before the campaign's first.
        case yearBeforeCampaign = "year-before-campaign"
        /// A reporting year (or a review's last year) after the one running now.
        case yearNotStarted = "year-not-started"
        /// A review up to a year that is neither the mid-term nor the final review year.
        case notAReviewYear = "not-a-review-year"
        /// A document date before the period's first day.
        case dateBeforePeriod = "date-before-period"
        /// A document date before the period's last day and before today: the figures, counted up to now,
        /// would include what happened after the date written on the document.
        case dateBeforeFigures = "date-before-figures"
    }

    public let kind: Kind
    /// The values the message names, in the order of its `{0}`, `{1}` ….
    public let values: [String]

    /// A refusal of `kind` naming `values`.
    public init(_ kind: Kind, _ values: String...) {
        self.kind = kind
        self.values = values
    }

    public var messageKey: String { "errors.report.\(kind.rawValue)" }
    public var messageArguments: [String] { values }
}
