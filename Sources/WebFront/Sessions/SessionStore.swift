public import Foundation
public import LearningCore

/// The kiosk's sessions, in memory: a kiosk forgets its visitor when the server restarts, which is what a shared
/// machine wants. Tokens are kept hashed. A session unused for `idleTimeout` is gone: the next request with its
/// token finds nothing, whatever the browser still shows or counts down.
public actor SessionStore {
    private var sessions: [String: KioskSession] = [:]
    private let clock: any WallClock
    /// How long a session may sit unused (5 minutes by default).
    public let idleTimeout: TimeInterval
    /// Sessions are purged of expired ones at most this often.
    private var lastPurge: Date

    /// A store whose idle time is measured with `clock` (tests inject one they can move).
    public init(clock: any WallClock, idleTimeout: TimeInterval = 300) {
        self.clock = clock
        self.idleTimeout = idleTimeout
        self.lastPurge = clock.now()
    }

    /// Opens a session, anonymous or for `identity`; returns its token (the only copy the server ever hands out).
    public func open(identity: LearnerIdentity?) -> SessionHandle {
        purgeIfDue()
        let token = SessionToken.make()
        let session = KioskSession(identity: identity, csrfToken: SessionToken.make(), lastSeen: clock.now())
        sessions[SessionToken.hash(token)] = session
        return SessionHandle(token: token, session: session, isNew: true)
    }

    /// The session of `token`, touched (its idle time starts again), or nil when there is none or it sat idle
    /// too long (then it is removed).
    public func session(token: String) -> SessionHandle? {
        let key = SessionToken.hash(token)
        guard var session = sessions[key] else { return nil }
        let now = clock.now()
        guard now.timeIntervalSince(session.lastSeen) <= idleTimeout else {
            sessions[key] = nil
            return nil
        }
        session.lastSeen = now
        sessions[key] = session
        return SessionHandle(token: token, session: session, isNew: false)
    }

    /// Changes the session of `token`, if it is still there; returns what `change` returns.
    @discardableResult
    public func update<T: Sendable>(token: String, _ change: (inout KioskSession) throws -> T) rethrows -> T? {
        let key = SessionToken.hash(token)
        guard var session = sessions[key] else { return nil }
        let value = try change(&session)
        sessions[key] = session
        return value
    }

    /// Ends the session of `token` ("Kết thúc", sign-out, or a sign-in replacing an anonymous session).
    public func end(token: String) {
        sessions[SessionToken.hash(token)] = nil
    }

    /// How many sessions are held (tests, and a sign that purging works).
    public var count: Int { sessions.count }

    private func purgeIfDue() {
        let now = clock.now()
        guard now.timeIntervalSince(lastPurge) > 60 else { return }
        lastPurge = now
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) <= idleTimeout }
    }
}
