public import Foundation
import GRDB
public import LearningCore

extension AppDatabase {
    /// Inserts new units and updates names and kinds of known ones. A unit missing from `units` is kept as it
    /// is: units are retired explicitly (in the file or with `retireUnit`), never dropped, so their history
    /// still counts.
    public func saveUnits(_ units: [CommuneUnit]) async throws {
        try await writer.write { db in
            // A retirement recorded here (by `hoctap units retire`) is kept even when the file does not list it.
            for unit in units {
                try db.execute(
                    sql: """
                        INSERT INTO unit (id, name, kind, retiredAt) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                            retiredAt = COALESCE(excluded.retiredAt, unit.retiredAt)
                        """,
                    arguments: [unit.id, unit.name, unit.kind.rawValue, unit.retiredAt])
            }
        }
    }

    public func units() async throws -> [CommuneUnit] {
        try await writer.read { db in
            try UnitRecord.order(Column("id")).fetchAll(db).compactMap(\.unit)
        }
    }

    /// Retires a unit from `date` on; its learners and results stay.
    public func retireUnit(id: String, at date: Date) async throws {
        try await writer.write { db in
            guard var record = try UnitRecord.fetchOne(db, key: id) else { throw ProgressError(.unknownUnit, id) }
            record.retiredAt = date
            try record.update(db)
        }
    }
}
