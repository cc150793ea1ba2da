public import Foundation

/// The campaign as the commune configures it in `Content/campaign.yaml`: units, the basic-level course sets,
/// the reporting calendar.
public struct CampaignConfiguration: Sendable, Hashable {
    public var name: String
    public var period: String
    /// The commune plan the campaign follows.
    public var plan: String
    /// The issuing body of the reports (Ủy ban nhân dân xã Kiến Thụy).
    public var issuer: String
    /// Địa danh of the date line.
    public var place: String
    public var units: [CommuneUnit]
    /// Courses a person of each category must complete to reach the basic level (đạt phổ cập kỹ năng số).
    public var basicLevel: [LearnerCategory: [String]]
    /// Month and day of the yearly report deadline (10 December).
    public var yearlyDeadline: (month: Int, day: Int)
    public var timeZone: TimeZone
    /// Sơ kết: the mid-term review year.
    public var midTermReviewYear: Int
    /// Tổng kết: the final review year.
    public var finalReviewYear: Int
    public var startYear: Int
    /// Version of the privacy notice shown when consent is asked.
    public var privacyNoticeVersion: String
    public var targets: CampaignTargets
    public var awards: AwardCriteria
    public var report: ReportSettings
    /// Each unit's own report settings (its head as signer …), by unit id; a unit without any is left for the
    /// clerk to fill in.
    public var unitReports: [String: UnitReportSettings]

    public init(
        name: String, period: String, plan: String, issuer: String, place: String, units: [CommuneUnit],
        basicLevel: [LearnerCategory: [String]], yearlyDeadline: (month: Int, day: Int), timeZone: TimeZone,
        midTermReviewYear: Int, finalReviewYear: Int, startYear: Int, privacyNoticeVersion: String,
        targets: CampaignTargets, awards: AwardCriteria, report: ReportSettings,
        unitReports: [String: UnitReportSettings] = [:]
    ) {
        self.unitReports = unitReports
        self.name = name
        self.period = period
        self.plan = plan
        self.issuer = issuer
        self.place = place
        self.units = units
        self.basicLevel = basicLevel
        self.yearlyDeadline = yearlyDeadline
        self.timeZone = timeZone
        self.midTermReviewYear = midTermReviewYear
        self.finalReviewYear = finalReviewYear
        self.startYear = startYear
        self.privacyNoticeVersion = privacyNoticeVersion
        self.targets = targets
        self.awards = awards
        self.report = report
    }

    /// The reporting period of `year` under this campaign's calendar.
    public func period(year: Int) -> ReportingPeriod {
        .year(year, deadline: yearlyDeadline, timeZone: timeZone)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.units == rhs.units && lhs.basicLevel == rhs.basicLevel
            && lhs.yearlyDeadline == rhs.yearlyDeadline && lhs.timeZone == rhs.timeZone
            && lhs.midTermReviewYear == rhs.midTermReviewYear && lhs.finalReviewYear == rhs.finalReviewYear
            && lhs.startYear == rhs.startYear && lhs.privacyNoticeVersion == rhs.privacyNoticeVersion
            && lhs.plan == rhs.plan && lhs.issuer == rhs.issuer && lhs.place == rhs.place && lhs.period == rhs.period
            && lhs.targets == rhs.targets && lhs.awards == rhs.awards && lhs.report == rhs.report
            && lhs.unitReports == rhs.unitReports
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(units)
    }
}
