import Foundation

/// Where the engines read the time; injected so tests control it.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The machine's clock, chosen at the composition root.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
