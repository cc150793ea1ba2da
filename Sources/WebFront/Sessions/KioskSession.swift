public import Foundation
public import LearningCore

/// One browser's (or API client's) session at the kiosk: who is signed in, if anyone, the CSRF token of its
/// forms, and the practice attempts it holds (practice is never stored, so it lives here and dies with the
/// session).
public struct KioskSession: IdleExpiringSession {
    /// A practice attempt and the course it belongs to.
    public struct Practice: Sendable {
        public var courseID: String
        public var attempt: QuizAttempt
    }

    /// The learner signed in; nil for an anonymous visitor (who may still practise).
    public var identity: LearnerIdentity?
    /// The token every form of this session carries in a hidden field.
    public var csrfToken: String
    /// When the session was last used; the idle timeout counts from here.
    public var lastSeen: Date
    /// Practice attempts by attempt id.
    public var practice: [String: Practice] = [:]

    init(identity: LearnerIdentity?, csrfToken: String, lastSeen: Date) {
        self.identity = identity
        self.csrfToken = csrfToken
        self.lastSeen = lastSeen
    }
}
