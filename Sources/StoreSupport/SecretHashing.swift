import Foundation
import HummingbirdBcrypt

/// How PINs and passwords are hashed: bcrypt, salted, slow on purpose. Only the hash is stored.
public struct SecretHashing: Sendable {
    /// bcrypt cost for learners' PINs.
    public var pinCost: UInt8
    /// bcrypt cost for staff passwords.
    public var passwordCost: UInt8

    /// Hashing at these bcrypt costs.
    public init(pinCost: UInt8, passwordCost: UInt8) {
        self.pinCost = pinCost
        self.passwordCost = passwordCost
    }

    /// Production costs: about a tenth of a second for a PIN, a quarter for a password on a small machine.
    public static let standard = SecretHashing(pinCost: 10, passwordCost: 12)
    /// bcrypt's lowest cost, so tests that register many learners stay quick. Never for real data.
    public static let fastForTests = SecretHashing(pinCost: 4, passwordCost: 4)

    /// A PIN's hash, on the calling thread.
    public func hashPIN(_ pin: String) -> String { Bcrypt.hash(pin, cost: pinCost) }
    /// A password's hash, on the calling thread.
    public func hashPassword(_ password: String) -> String { Bcrypt.hash(password, cost: passwordCost) }
    /// Whether `secret` matches `hash`, on the calling thread.
    public func verify(_ secret: String, hash: String) -> Bool { Bcrypt.verify(secret, hash: hash) }

    /// Checks a secret on the hashing threads, off Swift's cooperative pool and Dispatch's worker threads: a
    /// queue of sign-ins (each a tenth of a second of bcrypt) never stalls the other requests of a server.
    public func verifyOffPool(_ secret: String, hash: String) async -> Bool {
        await Self.offPool { Bcrypt.verify(secret, hash: hash) }
    }

    /// Hashes a PIN off the cooperative pool.
    public func hashPINOffPool(_ pin: String) async -> String {
        let cost = pinCost
        return await Self.offPool { Bcrypt.hash(pin, cost: cost) }
    }

    /// Hashes a password off the cooperative pool.
    public func hashPasswordOffPool(_ password: String) async -> String {
        let cost = passwordCost
        return await Self.offPool { Bcrypt.hash(password, cost: cost) }
    }

    /// Checks a password against a hash of nothing anyone types, at the password cost, off the pool: done when
    /// no usable account has the username, so that a wrong username takes as long as a wrong password and the
    /// time of a refusal tells nothing about which accounts exist.
    public func spendPasswordCheckOffPool(_ password: String) async {
        let cost = passwordCost
        // The decoy is made on first use, inside the work sent off the pool: making it is a bcrypt hash too.
        _ = await Self.offPool { Bcrypt.verify(password, hash: Self.decoys.hash(cost: cost)) }
    }

    /// Called as a batch of PINs is hashed (from any thread): how many are done, out of how many.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Hashes many PINs at once (a learner list's import), one worker per core on Dispatch's own threads, off
    /// Swift's cooperative pool, reporting to `progress`. The hashes come back in the order of `pins`.
    public func hashPINs(_ pins: [String], progress: Progress? = nil) async -> [String] {
        guard !pins.isEmpty else { return [] }
        return await withCheckedContinuation { (continuation: CheckedContinuation<[String], Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                let results = HashResults(count: pins.count)
                DispatchQueue.concurrentPerform(iterations: pins.count) { slot in
                    let done = results.store(hashPIN(pins[slot]), at: slot)
                    progress?(done, pins.count)
                }
                continuation.resume(returning: results.values)
            }
        }
    }

    /// One decoy hash per cost, made once.
    private static let decoys = DecoyHashes()

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await HashingThreads.shared.run(work)
    }
}

/// Hashes of a random secret, one per bcrypt cost, made on first use and kept; guarded by a lock.
private final class DecoyHashes: @unchecked Sendable {
    private let lock = NSLock()
    private var byCost: [UInt8: String] = [:]

    func hash(cost: UInt8) -> String {
        lock.withLock {
            if let hash = byCost[cost] { return hash }
            let hash = Bcrypt.hash(UUID().uuidString, cost: cost)
            byCost[cost] = hash
            return hash
        }
    }
}
