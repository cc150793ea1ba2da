import Foundation
/// What a learner answered to one question.
public enum Response: Sendable, Hashable, Codable {
    /// Ids of the chosen choices (one for single choice and true/false).
    case choices(Set<String>)
    /// Text typed for a short-text question.
    case text(String)
    /// A number as typed (`1.000.000`, `2,5`); parsed by `VietnameseNumber` when graded.
    case number(String)
}
