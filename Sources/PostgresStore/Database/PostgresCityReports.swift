import Foundation
import Logging
import PostgresNIO

/// The city database opened for the city's reports (`hoctap report yearly --city`): every commune's figures,
/// read as the role `hoctap_city`, whose policies show every commune's rows of the tables the reports read and
/// which may write nothing, not a row. It is its own kind of object, so that a commune's store can never run as
/// that role: each commune is read through `commune(_:)`, whose transactions take `hoctap_city` with
/// `app.commune` set to that commune (every reporting statement names it).
public final class PostgresCityReports: Sendable {
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let logger = Logger(label: "hoctap.postgres.city")
    /// The server and database (no password), for messages.
    public let place: String
    /// Where the period figures come from (as for a commune's store).
    public let reportingSource: ReportingChoice

    /// Opens the city database at `location` (migrating it if needed, as a commune's store does).
    public init(location: PostgresLocation, reportingSource: ReportingChoice = .fromEnvironment) async throws {
        try await PostgresStore.prepare(location, taking: PostgresMigrations.cityRole, logger)
        let client = PostgresStore.pool(location)
        self.client = client
        running = Task { await client.run() }
        place = location.place
        self.reportingSource = reportingSource
    }

    deinit { running.cancel() }

    /// Closes the connections (the communes' stores from `commune(_:)` with them).
    public func shutdown() {
        running.cancel()
    }

    /// The communes the database holds (those with units: every learner belongs to a unit), by code.
    public func communes() async throws -> [CommuneID] {
        let logger = logger
        return try await client.withConnection { connection in
            try await connection.query("BEGIN READ ONLY", logger: logger)
            do {
                try await connection.query("SELECT set_config('role', \(PostgresMigrations.cityRole), true)",
                                           logger: logger)
                let codes = try await connection.rows(
                    "SELECT commune_id FROM unit GROUP BY commune_id ORDER BY commune_id COLLATE \"C\"", logger)
                    .map { try $0.decode(String.self) }
                try await connection.query("COMMIT", logger: logger)
                return codes.compactMap(CommuneID.init)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Commune `commune` read as the city's reporting role, through this object's connections: its reports
    /// are what its own store gives; nothing else of a store is offered, and PostgreSQL refuses the role any write.
    public func commune(_ commune: CommuneID) -> PostgresCommuneReports {
        PostgresCommuneReports(store: PostgresStore(
            sharing: client, commune: commune, role: PostgresMigrations.cityRole, place: place,
            reportingSource: reportingSource, logger: logger))
    }
}
