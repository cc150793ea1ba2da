import ArgumentParser
import Foundation

/// A day typed on the command line (`YYYY-MM-DD`), read as local midnight in the campaign's time zone.
enum LocalDate {
    /// Local midnight of `text`, which must be exactly four digits, two and two (`2026-12-05`) and a real day:
    /// "2026-12-5", "05/12/2026", "2026-02-30" or "2026-12-05x" are refused rather than read as some other day.
    static func parse(_ text: String, in timeZone: TimeZone) throws -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, zip(parts, [4, 2, 2]).allSatisfy({ part, length in
                  part.count == length && part.allSatisfy { $0.isASCII && $0.isNumber }
              }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { throw invalid(text) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else {
            throw invalid(text)
        }
        return date
    }

    private static func invalid(_ text: String) -> ValidationError {
        ValidationError("Ngày không hợp lệ: \(text) (cần YYYY-MM-DD).")
    }
}
