import Foundation

/// The hashes as workers finish them, and how many are done; guarded by a lock.
final class HashResults: @unchecked Sendable {
    private let lock = NSLock()
    private var hashes: [String]
    private var done = 0

    init(count: Int) {
        hashes = Array(repeating: "", count: count)
    }

    /// Stores one hash; returns how many are done.
    func store(_ hash: String, at slot: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        hashes[slot] = hash
        done += 1
        return done
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return hashes
    }
}
