public import Foundation

/// How wrong PINs (per learner and per kiosk) and wrong staff passwords (per username and per client address) are
/// limited: a few free tries, then a delay that doubles with each failure, then a lock window. The counts are
/// stored (`ProgressRepository.signInThrottle`, `StaffRepository.staffSignInThrottle`), so a restart does not
/// reset them.
public struct SignInThrottle: Sendable, Hashable {
    /// The failures counted under one key.
    public struct State: Sendable, Hashable, Codable {
        public var failures: Int
        public var lastFailureAt: Date
        /// Set when the failures reached the lock threshold.
        public var lockedUntil: Date?

        public init(failures: Int, lastFailureAt: Date, lockedUntil: Date? = nil) {
            self.failures = failures
            self.lastFailureAt = lastFailureAt
            self.lockedUntil = lockedUntil
        }
    }

    /// Failures allowed before any delay.
    public var freeFailures: Int
    /// The first delay; each further failure doubles it, up to `maximumDelay`.
    public var firstDelay: TimeInterval
    public var maximumDelay: TimeInterval
    /// Failures that lock the key for `lockWindow`.
    public var lockAfter: Int
    /// How long a lock lasts; failures older than this are forgotten.
    public var lockWindow: TimeInterval

    public init(freeFailures: Int, firstDelay: TimeInterval, maximumDelay: TimeInterval, lockAfter: Int,
                lockWindow: TimeInterval) {
        self.freeFailures = freeFailures
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.lockAfter = lockAfter
        self.lockWindow = lockWindow
    }

    /// One learner's PIN: 3 free tries, then 5 s, 10 s, 20 s … up to 5 minutes; 10 failures lock for 15 minutes.
    public static let perLearner = SignInThrottle(freeFailures: 3, firstDelay: 5, maximumDelay: 300, lockAfter: 10,
                                                  lockWindow: 15 * 60)
    /// One kiosk (client): many people share it, so more free tries; 50 failures lock it for 15 minutes.
    public static let perKiosk = SignInThrottle(freeFailures: 20, firstDelay: 2, maximumDelay: 120, lockAfter: 50,
                                                lockWindow: 15 * 60)

    /// One staff username: 3 free tries, then 5 s, 10 s, 20 s … up to 5 minutes; 10 failures lock it for 15
    /// minutes. Counted whether or not the username exists, so the delay tells nothing about accounts.
    public static let staffAccount = SignInThrottle(freeFailures: 3, firstDelay: 5, maximumDelay: 300, lockAfter: 10,
                                                    lockWindow: 15 * 60)
    /// One client address on the staff sign-in: several staff may share an office's address, so more free tries;
    /// 30 failures lock it for 15 minutes (guessing across many usernames from one place).
    public static let staffClient = SignInThrottle(freeFailures: 10, firstDelay: 2, maximumDelay: 120, lockAfter: 30,
                                                   lockWindow: 15 * 60)

    /// The state still in force at `now`: failures older than the lock window, and expired locks, are forgotten.
    public func current(_ state: State?, at now: Date) -> State? {
        guard let state else { return nil }
        if let lockedUntil = state.lockedUntil { return lockedUntil > now ? state : nil }
        return now.timeIntervalSince(state.lastFailureAt) > lockWindow ? nil : state
    }

    /// Seconds to wait before another try is allowed, or nil when one is allowed now.
    public func waitTime(_ state: State?, at now: Date) -> TimeInterval? {
        guard let state = current(state, at: now) else { return nil }
        if let lockedUntil = state.lockedUntil { return lockedUntil.timeIntervalSince(now) }
        guard state.failures >= freeFailures else { return nil }
        let next = state.lastFailureAt.addingTimeInterval(delay(afterFailures: state.failures))
        return next > now ? next.timeIntervalSince(now) : nil
    }

    /// The delay after `failures` failures: none while they are free, then doubling.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        let doublings = min(failures - freeFailures, 30)
        return min(firstDelay * pow(2, Double(doublings)), maximumDelay)
    }

    /// The state after one more failure at `now`.
    public func failing(_ state: State?, at now: Date) -> State {
        var next = current(state, at: now) ?? State(failures: 0, lastFailureAt: now)
        next.failures += 1
        next.lastFailureAt = now
        if next.failures >= lockAfter { next.lockedUntil = now.addingTimeInterval(lockWindow) }
        return next
    }
}
