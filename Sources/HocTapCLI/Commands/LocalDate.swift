import ArgumentParser
import Foundation

/// A day typed on the command line (`YYYY-MM-DD`), read as local midnight in the campaign's time zone.
enum LocalDate {
    static func parse(_ text: String, in timeZone: TimeZone) throws -> Date {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = timeZone
        format.dateFormat = "yyyy-MM-dd"
        guard let date = format.date(from: text) else {
            throw ValidationError("Ngày không hợp lệ: \(text) (cần YYYY-MM-DD).")
        }
        return date
    }
}
