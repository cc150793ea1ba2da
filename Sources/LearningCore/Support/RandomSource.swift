import Foundation

/// Where the use cases draw randomness (attempt seeds, ids, codes); injected so tests are repeatable.
public protocol RandomSource: Sendable {
    /// 64 random bits.
    func next() -> UInt64
}

extension RandomSource {
    /// A 128-bit random id as 32 lowercase hex digits: attempt ids and session tokens cannot be guessed.
    public func makeID() -> String {
        String(format: "%016llx%016llx", next(), next())
    }
}

/// The system's cryptographically secure generator.
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func next() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}
