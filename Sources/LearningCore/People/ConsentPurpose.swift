import Foundation

/// The purposes a learner consents to, each separately (Law 91/2025/QH15: consent per purpose).
public enum ConsentPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Keeping progress so learning can resume.
    case learning = "hoc-tap"
    /// Counting results in the campaign's reports (and, for awards, naming the person).
    case reporting = "bao-cao"
    /// Being contacted by phone about courses.
    case contact = "lien-he"
}
