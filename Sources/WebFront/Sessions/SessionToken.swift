import Crypto
import Foundation

/// A session's secret: 128 random bits from the system's secure generator, sent to the browser (cookie) or the
/// API client (`Authorization: Bearer`) and kept by the server only as its SHA-256 hash, so a memory dump or a
/// log line never yields a usable token.
enum SessionToken {
    /// A new token: 16 random bytes as 32 lowercase hex digits.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%016llx%016llx", generator.next() as UInt64, generator.next() as UInt64)
    }

    /// The key a token is stored under: its SHA-256, in hex.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time independent of where they differ (CSRF tokens).
    static func matches(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
