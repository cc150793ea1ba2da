public import Foundation

/// Where the engines read the time; injected so tests control it.
public protocol WallClock: Sendable {
    func now() -> Date
}

