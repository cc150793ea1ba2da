import CourseContent
import Foundation
import LearningCore

/// The period a staff page asks for: the reporting year running today by default, or the days from `tu` to
/// `den` (YYYY-MM-DD, both included, in the campaign's time zone).
struct StaffPeriod {
    var period: ReportingPeriod
    /// The reporting year whose targets apply (the one the period ends in).
    var year: Int
    /// The period as the page names it.
    var label: String
    /// The dates as the form shows them again.
    var from: String
    var to: String

    /// Reads `tu` and `den`; refuses a malformed date or an empty span with `malformed`.
    static func read(from: String?, to: String?, campaign: CampaignConfiguration, now: Date) throws(WebInputError)
        -> StaffPeriod
    {
        let calendar = calendar(campaign)
        if let from, let to, !from.isEmpty || !to.isEmpty {
            guard let start = day(from, campaign), let last = day(to, campaign), start <= last else {
                throw WebInputError(.malformed, "tu-den")
            }
            let end = calendar.date(byAdding: .day, value: 1, to: last) ?? last
            let year = reportingYear(containing: last, campaign)
            return StaffPeriod(period: ReportingPeriod(start: start, end: end), year: year,
                               label: "\(Pages.date(start)) – \(Pages.date(last))", from: from, to: to)
        }
        let year = reportingYear(containing: now, campaign)
        let period = campaign.period(year: year)
        let last = period.end.addingTimeInterval(-1)
        return StaffPeriod(period: period, year: year, label: String(year), from: iso(period.start, calendar),
                           to: iso(last, calendar))
    }

    /// The reporting year whose period holds `date` (a year's period ends on its deadline, 10 December).
    static func reportingYear(containing date: Date, _ campaign: CampaignConfiguration) -> Int {
        let year = calendar(campaign).component(.year, from: date)
        return campaign.period(year: year).contains(date) ? year : year + 1
    }

    static func calendar(_ campaign: CampaignConfiguration) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = campaign.timeZone
        return calendar
    }

    /// The start of day `text` (YYYY-MM-DD) in the campaign's time zone.
    static func day(_ text: String, _ campaign: CampaignConfiguration) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            return nil
        }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard let date = calendar(campaign).date(from: components),
              calendar(campaign).component(.day, from: date) == parts[2] else { return nil }
        return date
    }

    static func iso(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
