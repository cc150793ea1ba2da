import Foundation

/// How the rollups cut time: local days (in the campaign's time zone) numbered from 1970-01-01, and reporting
/// years that end when the deadline day ends. Stored once in the database (`rollupCalendar`, written by migration
/// 006 with the campaign's Asia/Ho_Chi_Minh and 10 December), so every connection keys rows alike.
struct RollupCalendar: Sendable, Hashable {
    let timeZone: TimeZone
    let deadlineMonth: Int
    let deadlineDay: Int

    static let campaign = RollupCalendar(
        timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, deadlineMonth: 12, deadlineDay: 10)

    /// The local day `date` falls in.
    func day(_ date: Date) -> Int {
        day(unixSeconds: Int(date.timeIntervalSince1970.rounded(.down)))
    }

    /// The local day of an instant given in whole seconds since 1970 (what SQLite's `unixepoch` gives).
    func day(unixSeconds: Int) -> Int {
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
        return Self.floorDiv(unixSeconds + offset, 86_400)
    }

    /// The instant local day `day` starts.
    func start(ofDay day: Int) -> Date {
        let (y, m, d) = Self.civil(fromDays: day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: y, month: m, day: d))!
    }

    /// The reporting year local day `day` belongs to (the year whose deadline is the first on or after it).
    func reportingYear(ofDay day: Int) -> Int {
        let (y, m, d) = Self.civil(fromDays: day)
        return (m, d) > (deadlineMonth, deadlineDay) ? y + 1 : y
    }

    /// The local days of reporting year `year`, end exclusive.
    func days(ofYear year: Int) -> Range<Int> {
        Self.days(fromCivil: year - 1, deadlineMonth, deadlineDay) + 1
            ..< Self.days(fromCivil: year, deadlineMonth, deadlineDay) + 1
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day number (H. Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
