import Foundation
import Logging
public import PostgresNIO
public import PostgresStore

/// The PostgreSQL server the tests may use: the address in `HOCTAP_TEST_POSTGRES`
/// (`postgres://user@127.0.0.1:PORT/db`, a user who may create databases and roles), as `make test-postgres`
/// and `.ci/run` set it. Without it, the PostgreSQL cases are skipped and say why.
public enum PostgresTestServer {
    /// The server's address, when one is given.
    public static let address: PostgresLocation? = {
        guard let text = ProcessInfo.processInfo.environment["HOCTAP_TEST_POSTGRES"], !text.isEmpty else {
            return nil
        }
        return try? PostgresLocation(url: text)
    }()

    /// Whether the PostgreSQL cases run.
    public static var isAvailable: Bool { address != nil }

    /// Why the PostgreSQL cases are skipped, for the test log.
    public static let skipReason = """
        PostgreSQL không được kiểm thử: chưa đặt HOCTAP_TEST_POSTGRES (chạy make test-postgres để có một máy chủ \
        PostgreSQL tạm trên 127.0.0.1)
        """

    private static let logger = Logger(label: "hoctap.tests.postgres")

    /// A new empty database on the server, for one test; its address.
    public static func freshDatabase() async throws -> PostgresLocation {
        guard let address else { throw PostgresStoreError(.unreachable, "HOCTAP_TEST_POSTGRES") }
        let name = "hoctap_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await withAdmin { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        return address.database(name)
    }

    /// Removes a database made by `freshDatabase`, closing whatever connections it still has.
    public static func drop(_ location: PostgresLocation) async throws {
        guard location.database.hasPrefix("hoctap_test_") else { return }
        try await withAdmin { connection in
            try await connection.query(
                PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(location.database) WITH (FORCE)"), logger: logger)
        }
    }

    /// Makes the app's roles (`hoctap_app`, `hoctap_city`) if the server lacks them: they are the server's, not a
    /// database's, made by the first migration anywhere (here in a database of its own, dropped after).
    public static func makeAppRoles() async throws {
        let scratch = try await freshDatabase()
        try await PostgresStore(location: scratch, commune: CommuneID("xa-vai-tro")!).shutdown()
        try await drop(scratch)
    }

    /// A new login (not a superuser) named `prefix` and a random suffix, a member of `roles`; its name.
    public static func newLogin(_ prefix: String, granted roles: [String]) async throws -> String {
        let login = prefix + "_" + UUID().uuidString.prefix(8).lowercased()
        try await withAdmin { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE ROLE \(login) LOGIN NOSUPERUSER"),
                                       logger: logger)
            for role in roles {
                try await connection.query(PostgresQuery(unsafeSQL: "GRANT \(role) TO \(login)"), logger: logger)
            }
        }
        return login
    }

    /// Removes a login made by `newLogin`.
    public static func dropLogin(_ login: String) async throws {
        try await withAdmin { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "DROP ROLE \(login)"), logger: logger)
        }
    }

    /// Runs `body` on one connection to the server's own database as the given user.
    @discardableResult
    public static func withAdmin<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        guard let address else { throw PostgresStoreError(.unreachable, "HOCTAP_TEST_POSTGRES") }
        return try await withConnection(to: address, body)
    }

    /// Runs `body` on one plain connection to `location` (no role, no commune set: raw SQL, as an attacker with
    /// the app's credentials would have it).
    @discardableResult
    public static func withConnection<Result: Sendable>(
        to location: PostgresLocation, _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
