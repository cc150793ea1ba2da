import Foundation
public import LearningCore
import PostgresNIO

extension PostgresStore {
    /// The failures counted under `key`.
    public func signInThrottle(key: String) async throws -> SignInThrottle.State? {
        let logger = logger
        return try await read { connection in
            try await connection.rows("""
                SELECT failures, last_failure_at, locked_until FROM sign_in_throttle WHERE key = \(key)
                """, logger).first.map { row in
                let (failures, last, locked) = try row.decode((Int, Date, Date?).self)
                return SignInThrottle.State(failures: failures, lastFailureAt: last, lockedUntil: locked)
            }
        }
    }

    /// Stores the failures under `key`; nil forgets them.
    public func saveSignInThrottle(key: String, state: SignInThrottle.State?) async throws {
        let logger = logger
        try await transaction { connection in
            guard let state else {
                try await connection.run("DELETE FROM sign_in_throttle WHERE key = \(key)", logger)
                return
            }
            try await connection.run("""
                INSERT INTO sign_in_throttle (key, failures, last_failure_at, locked_until)
                VALUES (\(key), \(state.failures), \(state.lastFailureAt), \(state.lockedUntil))
                ON CONFLICT (commune_id, key) DO UPDATE SET failures = excluded.failures,
                    last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until
                """, logger)
        }
    }
}
