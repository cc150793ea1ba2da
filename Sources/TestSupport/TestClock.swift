public import Foundation
public import LearningCore

/// A clock that stands still until a test moves it.
public final class TestClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// Starts at `start` (default: 2026-11-25 08:00 in Hà Nội, UTC+7).
    public init(start: Date = Date(timeIntervalSince1970: 1_796_086_800)) {
        current = start
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    /// Moves the clock forward.
    public func advance(seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
