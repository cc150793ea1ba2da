import Foundation
import LearningCore
import Logging
import PostgresNIO
// Shared with the SQLite store and re-exported, so that callers name `SecretHashing` through this module.
@_exported public import StoreSupport

/// The city's progress store: the repositories of `LearningCore` on PostgreSQL (postgres-nio), one commune of
/// the city per store. It is a tenant: every row carries its `commune_id`, and each transaction runs as the
/// role `hoctap_app` with `app.commune` set to this store's commune, so PostgreSQL's row-level security hides
/// every other commune's rows and refuses writes into them, whatever a query says.
///
/// Durability: each write is one transaction, acknowledged after `COMMIT` returns; with PostgreSQL's
/// `synchronous_commit = on` (its default, checked on open) the commit has reached the server's disk.
public final class PostgresStore: Sendable {
    /// The connections, pooled.
    let client: PostgresClient
    /// The task that runs the pool; cancelled by `shutdown()`. Nil for a commune read through the city's
    /// reports (`PostgresCityReports`), whose pool that object runs.
    private let running: Task<Void, Never>?
    /// The commune whose rows this store reads and writes.
    public let commune: CommuneID
    /// The role its transactions run as: `hoctap_app` for a commune's own store, `hoctap_city` (read only) for
    /// a commune read through the city's reports.
    let role: String
    /// Whether every connection of its pool already runs as `hoctap_app` for its commune, from the moment it
    /// starts (startup parameters `role` and `app.commune`): so for the store that runs its own pool, a
    /// commune's own, whose pool serves no other commune. Its transactions then need not set them, and a single
    /// read needs no transaction. A commune read through the city's pool has neither.
    var sessionIsTenant: Bool { running != nil }
    /// The server and database (no password), for messages.
    public let place: String
    let hashing: SecretHashing
    let logger: Logger
    /// Where the period figures come from when a period is whole local days (any other period is counted from
    /// the raw events).
    public let reportingSource: ReportingChoice

    /// Opens the store at `location` for `commune`: connects once on its own (so that an address that does not
    /// answer, or refuses, says so at once and precisely), refuses a server whose commits are not durable, applies
    /// the migrations this version knows (all or none, one process at a time), then starts the pool.
    public init(location: PostgresLocation, commune: CommuneID, hashing: SecretHashing = .standard,
                reportingSource: ReportingChoice = .fromEnvironment) async throws {
        let logger = Logger(label: "hoctap.postgres")
        try await Self.prepare(location, taking: PostgresMigrations.appRole, logger)
        let client = Self.pool(location, tenant: commune)
        self.client = client
        running = Task { await client.run() }
        self.commune = commune
        role = PostgresMigrations.appRole
        place = location.place
        self.hashing = hashing
        self.reportingSource = reportingSource
        self.logger = logger
    }

    /// A commune read through the city's pool as `role` (the city's reporting role).
    init(sharing client: PostgresClient, commune: CommuneID, role: String, place: String,
         reportingSource: ReportingChoice, logger: Logger) {
        self.client = client
        running = nil
        self.commune = commune
        self.role = role
        self.place = place
        hashing = .standard
        self.reportingSource = reportingSource
        self.logger = logger
    }

    /// Connects once on its own, refuses a server whose commits are not durable and migrates the database.
    /// Refuses a login that may not take `role` (the app's, or the city's reporting role), which every
    /// connection of the store would otherwise be refused, over and over.
    static func prepare(_ location: PostgresLocation, taking role: String, _ logger: Logger) async throws {
        do {
            var probe = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.username, password: location.password,
                database: location.database, tls: .disable)
            probe.options.connectTimeout = .seconds(5)
            let connection = try await PostgresConnection.connect(configuration: probe, id: 0, logger: logger)
            do {
                try await Self.requireDurableCommits(connection, logger)
                do {
                    try await PostgresMigrations.migrate(connection, logger: logger)
                } catch where sqlState(error) == "42501" {
                    // Insufficient privilege: a login that may read (the city's) but not create the tables.
                    throw PostgresStoreError(.cannotMigrate, location.username)
                }
                let granted = try await connection.rows(
                    "SELECT pg_has_role(current_user, \(role), 'MEMBER')", logger).first?.decode(Bool.self) ?? false
                // The message names the login, which is what an administrator grants the role to.
                guard granted else { throw PostgresStoreError(.roleNotGranted, role, shown: location.username) }
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw PostgresStoreError(opening: error, at: location)
        }
    }

    /// The pool of connections to `location` (not yet running); with a `tenant`, each connection starts as
    /// `hoctap_app` with `app.commune` set to it (the server refuses the connection if the user may not take the
    /// role), so that not one statement on it runs outside the commune.
    static func pool(_ location: PostgresLocation, tenant: CommuneID? = nil) -> PostgresClient {
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.maximumConnections = location.maximumConnections
        if let tenant {
            configuration.options.additionalStartupParameters = [
                ("role", PostgresMigrations.appRole), ("app.commune", tenant.value),
            ]
        }
        return PostgresClient(configuration: configuration)
    }

    deinit { running?.cancel() }

    /// Closes the connections (of a commune read through the city's reports: nothing, the city's object does).
    public func shutdown() {
        running?.cancel()
    }

    /// The migrations applied to this database, in order.
    public func appliedMigrations() async throws -> [String] {
        try await client.withConnection { connection in
            var ids: [String] = []
            for try await id in try await connection.query(
                "SELECT id FROM schema_migrations ORDER BY id", logger: logger).decode(String.self) {
                ids.append(id)
            }
            return ids
        }
    }

    /// The migrations this version of the app knows.
    public static var knownMigrations: [String] { PostgresMigrations.all.map(\.id) }

    /// Refuses a server that acknowledges commits before they reach its disk.
    private static func requireDurableCommits(_ connection: PostgresConnection, _ logger: Logger) async throws {
        let setting = try await connection.query("SHOW synchronous_commit", logger: logger).collect().first?
            .decode(String.self)
        // `on`, `remote_write`, `remote_apply` and `local` all wait for the local disk; only `off` does not.
        if setting == "off" { throw PostgresStoreError(.commitsNotDurable, "synchronous_commit = off") }
    }
}
