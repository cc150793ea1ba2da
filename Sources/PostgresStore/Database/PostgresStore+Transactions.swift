import LearningCore
import Logging
import PostgresNIO

extension PostgresStore {
    /// Runs `work` in one transaction of this commune, as the store's role (`hoctap_app`, or for a commune read
    /// through the city's reports `hoctap_city`, which may only read) with `app.commune` set: by the session
    /// itself on a commune's own pool (`sessionIsTenant`), else here with `SET LOCAL`, so that they end with the
    /// transaction and the city's shared pool never carries them to another commune. Commits when `work` returns;
    /// rolls back and rethrows `work`'s own error otherwise; retried as `retrying` says.
    @discardableResult
    func transaction<Result: Sendable>(
        _ work: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let commune = commune.value
        let role = role
        let sessionIsTenant = sessionIsTenant
        let logger = logger
        return try await retrying { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                if !sessionIsTenant {
                    try await connection.query("""
                        SELECT set_config('role', \(role), true),
                               set_config('app.commune', \(commune), true)
                        """, logger: logger)
                }
                let result = try await work(connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                // A broken connection cannot roll back; the server drops its transaction itself.
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Runs `work`, one read, as its own transaction: one round trip on a commune's own pool, whose sessions
    /// already carry the role and the commune (`sessionIsTenant`); in a transaction that sets them otherwise.
    func read<Result: Sendable>(
        _ work: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        sessionIsTenant ? try await retrying(work) : try await transaction(work)
    }

    /// Runs one statement as its own transaction (committed, durably, before its answer comes back): one round
    /// trip. The statement must take the role and the commune itself, as `hoctap_record_attempt` does.
    func singleStatement<Result: Sendable>(
        _ work: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await retrying(work)
    }

    /// Runs `work` on a pooled connection; a deadlock or serialization failure, which PostgreSQL asks the client
    /// to retry, is retried a few times.
    private func retrying<Result: Sendable>(
        _ work: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        var tries = 0
        while true {
            tries += 1
            do {
                return try await client.withConnection(work)
            } catch let error as PSQLError where tries < 5 && Self.isRetryable(error) {
                continue
            }
        }
    }

    /// 40001 (serialization failure) and 40P01 (deadlock): PostgreSQL rolled the transaction back and asks for
    /// it to be run again.
    private static func isRetryable(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}

extension PostgresConnection {
    /// Runs `query` and returns its rows, all read.
    func rows(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }

    /// Runs a prepared statement and returns its first row, decoded (nil when it gives none).
    func first<Statement: PostgresPreparedStatement>(_ statement: Statement, _ logger: Logger) async throws
        -> Statement.Row?
    {
        for try await row in try await execute(statement, logger: logger) {
            return row
        }
        return nil
    }

    /// Runs a statement and returns how many rows it gave back (with `RETURNING`, how many it changed).
    @discardableResult
    func run(_ query: PostgresQuery, _ logger: Logger) async throws -> Int {
        try await self.query(query, logger: logger).collect().count
    }
}
