import Foundation
import GRDB

/// The days of a reporting year on which a person was active in a course, as a bitmap in `activityYear.activeDays`:
/// bit `i` (least significant first in byte `i / 8`) is the year's day `i` (46 bytes hold the longest year). A
/// period inside a year then counts its distinct people from one row per (unit, category, person, course) instead
/// of one row per day. The SQL functions below are registered on every connection of the store.
enum ActiveDays {
    /// Bytes of a bitmap: 368 bits ≥ 366 days.
    static let byteCount = 46

    /// `hoctapWithDay(days, offset)`: the bitmap with day `offset` set (a new bitmap from NULL or an empty blob).
    static let withDay = DatabaseFunction("hoctapWithDay", argumentCount: 2, pure: true) { values in
        var bytes = bitmap(values[0])
        guard let offset = Int.fromDatabaseValue(values[1]), (0..<byteCount * 8).contains(offset) else { return nil }
        bytes[offset / 8] |= UInt8(1) << UInt8(offset % 8)
        return Data(bytes)
    }

    /// `hoctapAnyDay(days, from, to)`: 1 when a day of `from..<to` is set.
    static let anyDay = DatabaseFunction("hoctapAnyDay", argumentCount: 3, pure: true) { values in
        guard let data = Data.fromDatabaseValue(values[0]), let from = Int.fromDatabaseValue(values[1]),
              let to = Int.fromDatabaseValue(values[2])
        else { return false }
        return data.withUnsafeBytes { raw -> Bool in
            var offset = max(from, 0)
            let end = min(to, raw.count * 8)
            while offset < end {
                // A whole byte at once where the range covers it.
                if offset % 8 == 0, end - offset >= 8 {
                    if raw[offset / 8] != 0 { return true }
                    offset += 8
                    continue
                }
                if raw[offset / 8] & (UInt8(1) << UInt8(offset % 8)) != 0 { return true }
                offset += 1
            }
            return false
        }
    }

    /// `hoctapDaysOf(offset)`: the bitmap of the offsets aggregated (for rebuilding from `activityDay`).
    static let daysOf = DatabaseFunction("hoctapDaysOf", argumentCount: 1, pure: true, aggregate: Aggregate.self)

    /// The bitmap being built by `hoctapDaysOf`.
    struct Aggregate: DatabaseAggregate {
        var bytes = [UInt8](repeating: 0, count: ActiveDays.byteCount)

        mutating func step(_ values: [DatabaseValue]) {
            guard let offset = Int.fromDatabaseValue(values[0]), (0..<ActiveDays.byteCount * 8).contains(offset)
            else { return }
            bytes[offset / 8] |= UInt8(1) << UInt8(offset % 8)
        }

        func finalize() -> (any DatabaseValueConvertible)? { Data(bytes) }
    }

    /// Registers the functions on a connection.
    static func register(_ db: Database) {
        db.add(function: withDay)
        db.add(function: anyDay)
        db.add(function: daysOf)
    }

    private static func bitmap(_ value: DatabaseValue) -> [UInt8] {
        var bytes = Data.fromDatabaseValue(value).map { [UInt8]($0) } ?? []
        if bytes.count < byteCount { bytes += [UInt8](repeating: 0, count: byteCount - bytes.count) }
        return bytes
    }
}
