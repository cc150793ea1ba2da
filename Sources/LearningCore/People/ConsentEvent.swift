public import Foundation

/// One act of consent or of withdrawing it: when, to which version of the notice, for which purpose.
public struct ConsentEvent: Sendable, Hashable {
    public var learnerID: Int64
    public var purpose: ConsentPurpose
    /// Version of the privacy notice shown (`2026-01`).
    public var noticeVersion: String
    /// True when consent was given, false when withdrawn.
    public var given: Bool
    public var at: Date

    public init(learnerID: Int64, purpose: ConsentPurpose, noticeVersion: String, given: Bool, at: Date) {
        self.learnerID = learnerID
        self.purpose = purpose
        self.noticeVersion = noticeVersion
        self.given = given
        self.at = at
    }
}

