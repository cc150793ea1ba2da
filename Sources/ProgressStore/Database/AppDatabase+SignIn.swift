public import Foundation
import GRDB
public import LearningCore

extension AppDatabase {
    public func signInThrottle(key: String) async throws -> SignInThrottle.State? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT failures, lastFailureAt, lockedUntil FROM signInThrottle WHERE key = ?",
                arguments: [key])
            else { return nil }
            return SignInThrottle.State(failures: row["failures"], lastFailureAt: row["lastFailureAt"],
                                        lockedUntil: row["lockedUntil"])
        }
    }

    public func saveSignInThrottle(key: String, state: SignInThrottle.State?) async throws {
        try await writer.write { db in
            guard let state else {
                try db.execute(sql: "DELETE FROM signInThrottle WHERE key = ?", arguments: [key])
                return
            }
            try db.execute(
                sql: """
                    INSERT INTO signInThrottle (key, failures, lastFailureAt, lockedUntil) VALUES (?, ?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
                        lastFailureAt = excluded.lastFailureAt, lockedUntil = excluded.lockedUntil
                    """,
                arguments: [key, state.failures, state.lastFailureAt, state.lockedUntil])
        }
    }
}
