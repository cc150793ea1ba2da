public import Foundation

/// The right value of a number question, exact in decimal.
public struct NumberAnswerKey: Sendable, Hashable {
    public var value: Decimal
    /// Largest accepted distance from `value`, inclusive; zero for exact.
    public var tolerance: Decimal

    public init(value: Decimal, tolerance: Decimal = 0) {
        self.value = value
        self.tolerance = tolerance
    }
}
