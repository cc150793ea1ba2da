import Foundation

/// A learner signed in at a kiosk or a terminal: what a front keeps in its session. Every use case checks again
/// that the learner still exists, so a deletion takes effect at once.
public struct LearnerIdentity: Sendable, Hashable, Codable {
    public var learnerID: Int64
    public var unitID: String
    public var displayName: String

    public init(learnerID: Int64, unitID: String, displayName: String) {
        self.learnerID = learnerID
        self.unitID = unitID
        self.displayName = displayName
    }
}
