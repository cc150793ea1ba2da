import Foundation
import GRDB
import LearningCore

extension AppDatabase {
    /// Inserts new units and updates names and kinds of known ones. A unit missing from `units` is kept as it
    /// is: units are retired explicitly, never dropped, so their history still counts.
    public func saveUnits(_ units: [CommuneUnit]) async throws {
        try await writer.write { db in
            for unit in units {
                try UnitRecord(unit).upsert(db)
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
