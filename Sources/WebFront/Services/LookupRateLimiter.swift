public import Foundation
public import LearningCore

/// Limits how often one client address may look up certificates (the codes are short enough that unlimited
/// guessing would find some): a fixed window of `limit` lookups per `window` seconds per address.
public actor LookupRateLimiter {
    private var windows: [String: (start: Date, count: Int)] = [:]
    private let clock: any WallClock
    public let limit: Int
    public let window: TimeInterval

    public init(clock: any WallClock, limit: Int = 20, window: TimeInterval = 60) {
        self.clock = clock
        self.limit = limit
        self.window = window
    }

    /// Counts one lookup by `address`; returns the seconds to wait when over the limit, nil when allowed.
    public func admit(_ address: String) -> Int? {
        let now = clock.now()
        if windows.count > 10_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < window } }
        var entry = windows[address] ?? (now, 0)
        if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
        guard entry.count < limit else {
            return max(1, Int((window - now.timeIntervalSince(entry.start)).rounded(.up)))
        }
        entry.count += 1
        windows[address] = entry
        return nil
    }
}
