import Foundation
import Logging
public import LearningCore
import PostgresNIO

extension PostgresStore {
    /// Inserts new units and updates names and kinds of known ones; a retirement already recorded stays.
    public func saveUnits(_ units: [CommuneUnit]) async throws {
        let logger = logger
        try await transaction { connection in
            for unit in units {
                try await connection.run("""
                    INSERT INTO unit (id, name, kind, retired_at) VALUES (\(unit.id), \(unit.name),
                        \(unit.kind.rawValue), \(unit.retiredAt))
                    ON CONFLICT (commune_id, id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                        retired_at = COALESCE(excluded.retired_at, unit.retired_at)
                    """, logger)
            }
        }
    }

    /// The commune's units, by code.
    public func units() async throws -> [CommuneUnit] {
        let logger = logger
        return try await read { connection in
            try await connection.rows("""
                SELECT id, name, kind, retired_at FROM unit WHERE commune_id = current_setting('app.commune')
                ORDER BY id COLLATE "C"
                """, logger)
                .compactMap { row in
                    let (id, name, kind, retiredAt) = try row.decode((String, String, String, Date?).self)
                    return UnitKind(rawValue: kind).map { CommuneUnit(id: id, name: name, kind: $0, retiredAt: retiredAt) }
                }
        }
    }

    /// Throws `ProgressError(.unknownUnit)` unless `unitID` is a unit of the commune still in use.
    static func requireActiveUnit(_ unitID: String, _ connection: PostgresConnection, _ logger: Logger) async throws {
        let rows = try await connection.rows(
            "SELECT 1 FROM unit WHERE id = \(unitID) AND retired_at IS NULL", logger)
        guard !rows.isEmpty else { throw ProgressError(.unknownUnit, unitID) }
    }
}
