public import Foundation

/// A span of time a report covers: from `start` (inclusive) to `end` (exclusive), instants in UTC.
public struct ReportingPeriod: Sendable, Hashable, Codable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// Whether `date` falls in the period.
    public func contains(_ date: Date) -> Bool { start <= date && date < end }

    /// The reporting year `year`: it ends when the deadline day ends (local time) and starts when the previous
    /// year's deadline day ended. An attempt at 23:59 on 10 December counts for that year; one at 00:01 on
    /// 11 December counts for the next.
    public static func year(_ year: Int, deadline: (month: Int, day: Int), timeZone: TimeZone) -> ReportingPeriod {
        ReportingPeriod(start: dayAfter(year: year - 1, deadline, timeZone),
                        end: dayAfter(year: year, deadline, timeZone))
    }

    /// From the start of the campaign's first reporting year to the end of `year`'s (sơ kết, tổng kết).
    public static func review(from startYear: Int, until year: Int, deadline: (month: Int, day: Int),
                              timeZone: TimeZone) -> ReportingPeriod {
        ReportingPeriod(start: Self.year(startYear, deadline: deadline, timeZone: timeZone).start,
                        end: Self.year(year, deadline: deadline, timeZone: timeZone).end)
    }

    /// Midnight at the start of the day after the deadline day of `year`, local time.
    private static func dayAfter(year: Int, _ deadline: (month: Int, day: Int), _ timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.date(from: DateComponents(year: year, month: deadline.month, day: deadline.day))!
        return calendar.date(byAdding: .day, value: 1, to: day)!
    }
}
