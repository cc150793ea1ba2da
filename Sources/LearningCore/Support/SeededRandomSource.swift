import Foundation

/// A repeatable random source (SplitMix64 behind a lock): the same seed gives the same attempts and ids, for
/// tests and the demonstration data. Never for session tokens.
public final class SeededRandomSource: RandomSource, @unchecked Sendable {
    private let lock = NSLock()
    private var generator: SplitMix64

    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    public func next() -> UInt64 {
        lock.withLock { generator.next() }
    }
}
