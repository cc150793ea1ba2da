/// A warning on a question of the item analysis.
public enum ItemFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// Quá dễ: facility above `ItemFlag.tooEasyAbove`.
    case tooEasy = "too-easy"
    /// Quá khó: facility below `ItemFlag.tooHardBelow`.
    case tooHard = "too-hard"
    /// Phân biệt ngược: learners who did worse on the rest of the quiz did better on this question.
    case negativeDiscrimination = "negative-discrimination"

    /// The thresholds, in percent, in this one place (issue 13).
    public static let tooEasyAbove = 90.0
    public static let tooHardBelow = 30.0
    public static let discriminationBelow = 0.0

    /// The flags a question with these statistics earns; none for a figure that cannot be computed.
    public static func flags(facility: Double?, discrimination: Double?) -> [ItemFlag] {
        var flags: [ItemFlag] = []
        if let facility, facility > tooEasyAbove { flags.append(.tooEasy) }
        if let facility, facility < tooHardBelow { flags.append(.tooHard) }
        if let discrimination, discrimination < discriminationBelow { flags.append(.negativeDiscrimination) }
        return flags
    }
}
