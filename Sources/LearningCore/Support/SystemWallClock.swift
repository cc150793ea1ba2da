public import Foundation

/// The machine's clock, chosen at the composition root.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
