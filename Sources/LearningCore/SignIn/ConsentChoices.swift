import Foundation

/// The consent a new learner gives, by an act (a tick, a key), per purpose, against a version of the notice
/// whose text lives in `Content/`.
public struct ConsentChoices: Sendable, Hashable {
    /// Keeping learning progress: required to register (without it nothing can be stored).
    public var learning: Bool
    /// Being named in reports and award proposals: optional.
    public var reporting: Bool
    /// The version of the notice the person was shown (`2026-01`).
    public var noticeVersion: String

    public init(learning: Bool, reporting: Bool, noticeVersion: String) {
        self.learning = learning
        self.reporting = reporting
        self.noticeVersion = noticeVersion
    }
}
