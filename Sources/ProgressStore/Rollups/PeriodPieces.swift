import Foundation
import LearningCore

/// A period cut into what the rollups can answer: whole reporting years, runs of whole local days, and the
/// partial days at either end (read from the raw events, which hold the exact instants).
struct PeriodPieces {
    /// Whole reporting years inside the period (contiguous), end exclusive.
    var years: Range<Int> = 0..<0
    /// Runs of whole local days not covered by `years` (at most two), end exclusive.
    var days: [Range<Int>] = []
    /// Sub-day spans at the ends (at most two).
    var edges: [ReportingPeriod] = []
    /// The instants `years` cover.
    var yearSpan: ReportingPeriod?
    /// Placements before this day count through `registrationDay`; those from its start to the period's end
    /// (`registrationEdge`) through the raw placements.
    var registrationDay: Int
    var registrationEdge: ReportingPeriod?

    /// Only one whole reporting year: its distinct counts are kept ready in `yearFigures`.
    var isOneYear: Bool { years.count == 1 && days.isEmpty && edges.isEmpty }

    init(_ period: ReportingPeriod, calendar: RollupCalendar) {
        let endDay = calendar.day(period.end)
        let endDayStart = calendar.start(ofDay: endDay)
        registrationDay = endDay
        if endDayStart < period.end { registrationEdge = ReportingPeriod(start: endDayStart, end: period.end) }
        guard period.start < period.end else { return }
        var firstDay = calendar.day(period.start)
        if calendar.start(ofDay: firstDay) < period.start { firstDay += 1 }
        guard firstDay < endDay else {
            edges = [period]
            return
        }
        let firstStart = calendar.start(ofDay: firstDay)
        if period.start < firstStart { edges.append(ReportingPeriod(start: period.start, end: firstStart)) }
        if endDayStart < period.end { edges.append(ReportingPeriod(start: endDayStart, end: period.end)) }
        var firstYear = calendar.reportingYear(ofDay: firstDay)
        if calendar.days(ofYear: firstYear).lowerBound < firstDay { firstYear += 1 }
        var lastYear = calendar.reportingYear(ofDay: endDay - 1)  // inclusive
        if calendar.days(ofYear: lastYear).upperBound > endDay { lastYear -= 1 }
        guard firstYear <= lastYear else {
            days = [firstDay..<endDay]
            return
        }
        years = firstYear..<lastYear + 1
        let yearDays = calendar.days(ofYear: firstYear).lowerBound..<calendar.days(ofYear: lastYear).upperBound
        yearSpan = ReportingPeriod(start: calendar.start(ofDay: yearDays.lowerBound),
                                   end: calendar.start(ofDay: yearDays.upperBound))
        if firstDay < yearDays.lowerBound { days.append(firstDay..<yearDays.lowerBound) }
        if yearDays.upperBound < endDay { days.append(yearDays.upperBound..<endDay) }
    }
}
