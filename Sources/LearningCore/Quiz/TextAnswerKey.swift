import Foundation

/// Accepted answers of a short-text question.
public struct TextAnswerKey: Sendable, Hashable {
    /// Accepted spellings, NFC.
    public var accepted: [String]
    /// Whether an answer typed without diacritics also counts ("ma" and "má" differ, so off by default).
    public var ignoresDiacritics: Bool

    public init(accepted: [String], ignoresDiacritics: Bool = false) {
        self.accepted = accepted
        self.ignoresDiacritics = ignoresDiacritics
    }
}
