public import Foundation
public import LearningCore

/// A staff member's session in the staff area (`/can-bo`): who signed in, the CSRF token of its forms, and when
/// it was last used (it ends after 30 minutes idle by default). Kept in its own store, under its own cookie:
/// nothing of a kiosk session opens it.
public struct StaffSession: IdleExpiringSession {
    /// The staff member, with the role every use case checks.
    public var identity: StaffIdentity
    /// The token every form of this session carries in a hidden field.
    public var csrfToken: String
    public var lastSeen: Date
}

/// The staff area's sessions.
public typealias StaffSessionStore = IdleSessionStore<StaffSession>
/// A staff session found for a request.
public typealias StaffSessionHandle = IdleSessionHandle<StaffSession>

extension IdleSessionStore where Session == StaffSession {
    /// Opens a session for a staff member who has just signed in.
    public func open(staff identity: StaffIdentity) -> StaffSessionHandle {
        insert(StaffSession(identity: identity, csrfToken: SessionToken.make(), lastSeen: clock.now()))
    }
}
