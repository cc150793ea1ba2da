import Foundation
/// One of the seven contents of the campaign (nội dung thi đua 1–7).
public struct ContentArea: Sendable, Hashable, Comparable, Codable, RawRepresentable {
    public let rawValue: Int

    /// Fails for numbers outside 1–7.
    public init?(rawValue: Int) {
        guard Self.validRange.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// The numbers the plan defines.
    public static let validRange = 1...7

    /// Content 2: the "học tập số" movement itself.
    public static let digitalLearning = ContentArea(rawValue: 2)!

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
