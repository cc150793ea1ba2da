public import LearningCore
import PostgresNIO

/// Why the city database could not be used. The command line turns the kind into a Vietnamese message from
/// `Content/strings/vi.yaml`; PostgreSQL's own text is kept in `detail` for the log, never shown to a person.
public struct PostgresStoreError: UserFacingError, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// Not a `postgres://user@host:port/database` address.
        case invalidAddress = "invalid-address"
        /// A commune code that is not lower-case letters, digits and dashes.
        case invalidCommune = "invalid-commune"
        /// A `?connections=` that is not a whole number from 1 to 100.
        case invalidConnections = "invalid-connections"
        /// A PostgreSQL address was given without the commune the store works for.
        case communeRequired = "commune-required"
        /// No server answered at the address (refused, timed out, unknown host).
        case unreachable
        /// The server answered but refused the user, the password or the database.
        case refused
        /// The login may not take the role the store runs as (`detail`): `hoctap_app` for a commune's store,
        /// `hoctap_city` for the city's reports.
        case roleNotGranted = "role-not-granted"
        /// The database needs migrating and the login (`detail`) may not: the city's reporting login on a database
        /// no commune's server has opened yet.
        case cannotMigrate = "cannot-migrate"
        /// The server does not wait for the disk on commit (`synchronous_commit = off`).
        case commitsNotDurable = "commits-not-durable"
        /// The database was migrated by a newer version of the app.
        case newerSchema = "newer-schema"
        /// Any other failure of the server.
        case server
    }

    /// What went wrong.
    public let kind: Kind
    /// For the log: the address, the setting, or the server's own message.
    public let detail: String
    /// What the message names: the server and database (never the password), or the value typed.
    public let shown: String

    /// An error of `kind`.
    public init(_ kind: Kind, _ detail: String = "", shown: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.shown = shown ?? detail
    }

    /// The key of the message in `Content/strings/vi.yaml`.
    public var messageKey: String { "errors.postgres.\(kind.rawValue)" }
    /// The server or value the message names (for a missing role, the login and the role; for a database the
    /// login may not migrate, the database and the login).
    public var messageArguments: [String] {
        [.roleNotGranted, .cannotMigrate].contains(kind) ? [shown, detail] : [shown]
    }

    /// A failure while opening the store at `location`, sorted into what a person can act on.
    init(opening error: any Error, at location: PostgresLocation) {
        let place = location.place
        self.init(sorting: error)
        if ![.invalidCommune, .invalidAddress, .invalidConnections, .roleNotGranted].contains(kind) {
            self = PostgresStoreError(kind, detail, shown: place)
        }
    }

    private init(sorting error: any Error) {
        if let known = error as? PostgresStoreError {
            self = known
            return
        }
        if let psql = error as? PSQLError {
            switch psql.code {
            case .connectionError:
                self.init(.unreachable, String(reflecting: psql))
                return
            case .server:
                let state = psql.serverInfo?[.sqlState] ?? ""
                // 28…: invalid authorization; 3D000: no such database.
                let kind: Kind = state.hasPrefix("28") || state == "3D000" ? .refused : .server
                self.init(kind, "\(state) \(psql.serverInfo?[.message] ?? "")")
                return
            default:
                break
            }
        }
        if String(reflecting: error).lowercased().contains("connect") {
            self.init(.unreachable, String(reflecting: error))
            return
        }
        self.init(.server, String(reflecting: error))
    }

    public var description: String { detail.isEmpty ? kind.rawValue : "\(kind.rawValue): \(detail)" }
}
