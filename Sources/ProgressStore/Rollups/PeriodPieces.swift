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

    /// `days` cut at reporting-year boundaries: each run of whole days inside one year, with that year's days.
    var daySegments: [DaySegment] = []

    /// A run of whole local days inside one reporting year.
    struct DaySegment: Equatable {
        var year: Int
        var days: Range<Int>
        var yearDays: Range<Int>

        /// The run starts on the year's first day: the year to date.
        var startsYear: Bool { days.lowerBound == yearDays.lowerBound }
        /// The run ends with the year's last day.
        var endsYear: Bool { days.upperBound == yearDays.upperBound }
        /// The run's days counted from the year's first (0-based), as `ActiveDays` numbers them.
        var offsets: Range<Int> { days.lowerBound - yearDays.lowerBound..<days.upperBound - yearDays.lowerBound }
        /// The year's days outside the run (at most two runs).
        var complement: [Range<Int>] {
            [yearDays.lowerBound..<days.lowerBound, days.upperBound..<yearDays.upperBound].filter { !$0.isEmpty }
        }
    }

    init(_ period: ReportingPeriod, calendar: RollupCalendar) {
        self.init(cutting: period, calendar: calendar)
        for run in days {
            var start = run.lowerBound
            while start < run.upperBound {
                let year = calendar.reportingYear(ofDay: start)
                let yearDays = calendar.days(ofYear: year)
                let end = min(run.upperBound, yearDays.upperBound)
                daySegments.append(DaySegment(year: year, days: start..<end, yearDays: yearDays))
                start = end
            }
        }
    }

    private init(cutting period: ReportingPeriod, calendar: RollupCalendar) {
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
