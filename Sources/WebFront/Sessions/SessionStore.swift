public import Foundation
public import LearningCore

/// A session state the store can let expire: it records when it was last used.
public protocol IdleExpiringSession: Sendable {
    /// When the session was last used; the idle timeout counts from here.
    var lastSeen: Date { get set }
}

/// Sessions in memory: a kiosk forgets its visitor when the server restarts, which is what a shared machine
/// wants, and a clerk signs in again. Tokens are kept hashed. A session unused for `idleTimeout` is gone: the
/// next request with its token finds nothing, whatever the browser still shows or counts down. The kiosk's
/// sessions (`SessionStore`) and the staff area's (`StaffSessionStore`) are two stores of this kind, so a
/// learner's token never opens a staff page.
public actor IdleSessionStore<Session: IdleExpiringSession> {
    private var sessions: [String: Session] = [:]
    let clock: any WallClock
    /// How long a session may sit unused.
    public let idleTimeout: TimeInterval
    /// Sessions are purged of expired ones at most this often.
    private var lastPurge: Date

    /// A store whose idle time is measured with `clock` (tests inject one they can move).
    public init(clock: any WallClock, idleTimeout: TimeInterval = 300) {
        self.clock = clock
        self.idleTimeout = idleTimeout
        self.lastPurge = clock.now()
    }

    /// Keeps `session` under a new token; returns the token (the only copy the server ever hands out).
    func insert(_ session: Session) -> IdleSessionHandle<Session> {
        purgeIfDue()
        let token = SessionToken.make()
        sessions[SessionToken.hash(token)] = session
        return IdleSessionHandle(token: token, session: session, isNew: true)
    }

    /// The session of `token`, touched (its idle time starts again), or nil when there is none or it sat idle
    /// too long (then it is removed).
    public func session(token: String) -> IdleSessionHandle<Session>? {
        let key = SessionToken.hash(token)
        guard var session = sessions[key] else { return nil }
        let now = clock.now()
        guard now.timeIntervalSince(session.lastSeen) <= idleTimeout else {
            sessions[key] = nil
            return nil
        }
        session.lastSeen = now
        sessions[key] = session
        return IdleSessionHandle(token: token, session: session, isNew: false)
    }

    /// Changes the session of `token`, if it is still there; returns what `change` returns.
    @discardableResult
    public func update<T: Sendable>(token: String, _ change: (inout Session) throws -> T) rethrows -> T? {
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

/// A session found for a request: the token it was found by (to end or update it) and its state then.
public struct IdleSessionHandle<Session: IdleExpiringSession>: Sendable {
    public var token: String
    public var session: Session
    /// Whether the session was made for this request (its cookie still has to be sent).
    public var isNew: Bool
}

/// The kiosk's sessions (5 minutes idle by default).
public typealias SessionStore = IdleSessionStore<KioskSession>
/// A kiosk session found for a request.
public typealias SessionHandle = IdleSessionHandle<KioskSession>

extension IdleSessionStore where Session == KioskSession {
    /// Opens a kiosk session, anonymous or for `identity`.
    public func open(identity: LearnerIdentity?) -> SessionHandle {
        insert(KioskSession(identity: identity, csrfToken: SessionToken.make(), lastSeen: clock.now()))
    }
}
