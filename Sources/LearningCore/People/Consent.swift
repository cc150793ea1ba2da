import Foundation

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

/// The purposes a learner consents to, each separately (Law 91/2025/QH15: consent per purpose).
public enum ConsentPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Keeping progress so learning can resume.
    case learning = "hoc-tap"
    /// Counting results in the campaign's reports (and, for awards, naming the person).
    case reporting = "bao-cao"
    /// Being contacted by phone about courses.
    case contact = "lien-he"
}
