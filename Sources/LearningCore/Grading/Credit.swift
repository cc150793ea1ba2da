import Foundation
/// An exact fraction of a point: what one question earns (0…1), or a sum over questions.
/// Kept rational so a pass/fail decision at the boundary never depends on floating point.
public struct Credit: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, over denominator: Int = 1) {
        precondition(denominator > 0, "a credit's denominator is positive")
        let divisor = Self.gcd(abs(numerator), denominator)
        self.numerator = numerator / max(divisor, 1)
        self.denominator = denominator / max(divisor, 1)
    }

    public static let zero = Credit(0)
    public static let full = Credit(1)

    public static func + (lhs: Credit, rhs: Credit) -> Credit {
        Credit(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator,
               over: lhs.denominator * rhs.denominator)
    }

    public static func < (lhs: Credit, rhs: Credit) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    /// Whether `self` out of `possible` points reaches `percent` percent, decided exactly.
    public func reaches(percent: Int, of possible: Int) -> Bool {
        // self / possible >= percent / 100  ⇔  100·n ≥ percent·possible·d
        100 * numerator >= percent * possible * denominator
    }

    /// Percent of `possible`, rounded down to a whole number: for display only.
    public func percent(of possible: Int) -> Int {
        guard possible > 0 else { return 0 }
        return (100 * numerator) / (possible * denominator)
    }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : gcd(b, a % b)
    }
}
