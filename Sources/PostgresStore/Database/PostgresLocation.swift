import Foundation

/// Where the city database is: a `postgres://user[:password]@host[:port]/database[?commune=ID]` address (also
/// `postgresql://`). The commune may come with it, for `hoctap serve --database`.
public struct PostgresLocation: Sendable, Hashable {
    /// The server's host name or address.
    public var host: String
    /// Its port (5432 unless the address says).
    public var port: Int
    /// The user to connect as: the owner of the schema.
    public var username: String
    /// The password, if the address has one.
    public var password: String?
    /// The database.
    public var database: String
    /// The commune named in the address (`?commune=`), if any.
    public var commune: CommuneID?
    /// How many connections one store may hold open (`?connections=`, 1 to 100; 20 by default). A city's
    /// hundred servers on one PostgreSQL share its `max_connections`, so each may be given fewer.
    public var maximumConnections: Int = 20

    /// The location an address names; refuses with `PostgresStoreError(.invalidAddress)` anything else.
    public init(url text: String) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme),
              let host = components.host, !host.isEmpty,
              let username = components.user, !username.isEmpty
        else { throw PostgresStoreError(.invalidAddress, text, shown: "") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw PostgresStoreError(.invalidAddress, text, shown: "") }
        self.host = host
        port = components.port ?? 5432
        self.username = username.removingPercentEncoding ?? username
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        if let raw = components.queryItems?.first(where: { $0.name == "commune" })?.value {
            guard let commune = CommuneID(raw) else { throw PostgresStoreError(.invalidCommune, raw) }
            self.commune = commune
        }
        if let raw = components.queryItems?.first(where: { $0.name == "connections" })?.value {
            guard let count = Int(raw), (1...100).contains(count) else {
                throw PostgresStoreError(.invalidConnections, raw)
            }
            maximumConnections = count
        }
    }

    /// Whether `text` is meant as a PostgreSQL address rather than a database file's path.
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The same server and user, another database (tests make one database each).
    public func database(_ name: String) -> PostgresLocation {
        var other = self
        other.database = name
        return other
    }
}

extension PostgresLocation {
    /// The server and database, without the user or password: what messages name.
    public var place: String { "\(host):\(port)/\(database)" }
}
