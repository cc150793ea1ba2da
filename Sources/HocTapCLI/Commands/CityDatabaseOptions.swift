import ArgumentParser
import Foundation
import PostgresStore

/// `--database postgres://…` and `--commune ID`: the city's PostgreSQL database instead of the SQLite file, and
/// the commune (the tenant) this server works for. Without `--database` (or `HOCTAP_DATABASE`), the SQLite file
/// of `--db` is used as always.
struct CityDatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"),
            help: """
                Cơ sở dữ liệu PostgreSQL của thành phố (postgres://người-dùng@máy-chủ:cổng/tên), thay cho tệp \
                SQLite; biến môi trường HOCTAP_DATABASE.
                """)
    var address = ProcessInfo.processInfo.environment["HOCTAP_DATABASE"] ?? ""

    @Option(name: .customLong("commune"),
            help: "Mã xã, phường của máy chủ này trong cơ sở dữ liệu thành phố; biến môi trường HOCTAP_COMMUNE.")
    var commune = ProcessInfo.processInfo.environment["HOCTAP_COMMUNE"] ?? ""

    /// The options given in code (`hoctap db copy` names them `--to` and `--commune`).
    init(address: String, commune: String) {
        self.address = address
        self.commune = commune
    }

    init() {}

    /// Whether the PostgreSQL database was chosen.
    var isChosen: Bool { !address.trimmingCharacters(in: .whitespaces).isEmpty }

    /// Whether a commune was named (`--commune`, `HOCTAP_COMMUNE` or `?commune=` in the address).
    var namesCommune: Bool {
        !commune.trimmingCharacters(in: .whitespaces).isEmpty
            || (try? PostgresLocation(url: address.trimmingCharacters(in: .whitespaces)))?.commune != nil
    }

    /// Opens the city database for the city's reports (every commune, read only), migrating it if needed. Every
    /// failure is a `PostgresStoreError`, worded in Vietnamese by the caller.
    func openForCity() async throws -> PostgresCityReports {
        try await PostgresCityReports(location: try PostgresLocation(url: address.trimmingCharacters(in: .whitespaces)))
    }

    /// Opens the city database for the commune given (`--commune`, else `?commune=` in the address), migrating
    /// it if needed. Every failure is a `PostgresStoreError`, worded in Vietnamese by the caller.
    func open() async throws -> PostgresStore {
        let location = try PostgresLocation(url: address.trimmingCharacters(in: .whitespaces))
        let typed = commune.trimmingCharacters(in: .whitespaces)
        let tenant: CommuneID
        if !typed.isEmpty {
            guard let given = CommuneID(typed) else { throw PostgresStoreError(.invalidCommune, typed) }
            tenant = given
        } else if let named = location.commune {
            tenant = named
        } else {
            throw PostgresStoreError(.communeRequired)
        }
        return try await PostgresStore(location: location, commune: tenant)
    }
}
