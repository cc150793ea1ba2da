public import Foundation
import GRDB
public import StoreSupport
public import LearningCore

/// Imports a unit's list of learners from CSV, all or nothing: every row is checked first (`LearnerImportRules`,
/// the same rules the in-memory store applies), and only a file with no refused row is written, in one
/// transaction. Importing the same file again adds nobody: a row whose learner is already there (same unit, same
/// name compared as a kiosk compares it, same category, same phone or both without one, not anonymised) is
/// skipped and counted.
///
/// Columns (header row required, UTF-8, a BOM allowed): `ho_ten`, `don_vi`, `doi_tuong`, and optionally
/// `so_dien_thoai` and `ma_pin`. `doi_tuong` takes a category code (`can-bo`, `nguoi-dan` …).
public struct LearnerImport: Sendable {
    /// Called as PINs are hashed (from any thread): how many are done, out of how many.
    public typealias Progress = SecretHashing.Progress

    /// Columns every list has (`LearnerImportRules.requiredColumns`).
    public static let requiredColumns = LearnerImportRules.requiredColumns
    /// Columns a list may have (`LearnerImportRules.optionalColumns`).
    public static let optionalColumns = LearnerImportRules.optionalColumns

    let database: AppDatabase

    /// An import into `database`.
    public init(database: AppDatabase) {
        self.database = database
    }

    /// Checks every row of `text`, then writes the new learners in one transaction if no row was refused,
    /// hashing their PINs on every core first (reporting to `progress`). With `allowedUnitID` (a unit clerk's
    /// import) a row of another unit is refused, so nothing is written.
    public func run(csv text: String, at date: Date, allowedUnitID: String? = nil, progress: Progress? = nil)
        async throws -> LearnerImportReport
    {
        let units = try await database.units()
        let checked = LearnerImportRules.check(csv: text, units: units, allowedUnitID: allowedUnitID)
        guard checked.problems.isEmpty else {
            return LearnerImportReport(acceptedCount: checked.rows.count, imported: false, problems: checked.problems)
        }
        let accepted = checked.rows.map { row in
            LearnerRecord(id: nil, displayName: row.learner.displayName, unitId: row.learner.unitID,
                          category: row.learner.category.rawValue, phone: row.learner.phone,
                          pinHash: row.learner.pin, createdAt: date, anonymisedAt: nil)
        }
        // Rows already there are neither hashed nor written; checked again inside the write transaction.
        let present = try await database.writer.read { db in try Self.presentIdentities(db) }
        let fresh = accepted.filter { !present.contains(Self.identity(of: $0)) }
        // Hash PINs outside the write transaction, on every core: bcrypt is slow on purpose.
        let records = await Self.hashingPINs(of: fresh, with: database.hashing, progress: progress)
        let calendar = database.calendar
        let written = try await database.writer.write { db in
            let present = try Self.presentIdentities(db)
            var written = 0
            for var record in records where !present.contains(Self.identity(of: record)) {
                try record.insert(db)
                try Rollups.addPlacement(learnerID: record.id!, unitID: record.unitId, category: record.category,
                                         at: record.createdAt, from: nil, calendar: calendar, db)
                written += 1
            }
            return written
        }
        return LearnerImportReport(acceptedCount: written, alreadyPresentCount: accepted.count - written,
                                   imported: true, problems: [])
    }

    /// What makes two learners the same person for an import (`LearnerImportRules.identity`).
    static func identity(of record: LearnerRecord) -> String {
        LearnerImportRules.identity(unitID: record.unitId, displayName: record.displayName ?? "",
                                    category: record.category, phone: record.phone)
    }

    /// The identities of every learner not anonymised.
    static func presentIdentities(_ db: Database) throws -> Set<String> {
        Set(try LearnerRecord.filter(Column("anonymisedAt") == nil).fetchAll(db).map(identity(of:)))
    }

    /// `records` with their PINs (still in clear in `pinHash`) hashed on every core (`SecretHashing.hashPINs`).
    static func hashingPINs(of records: [LearnerRecord], with hashing: SecretHashing,
                            progress: Progress?) async -> [LearnerRecord] {
        let pins = records.enumerated().compactMap { index, record in record.pinHash.map { (index, $0) } }
        let hashes = await hashing.hashPINs(pins.map(\.1), progress: progress)
        var records = records
        for (slot, (index, _)) in pins.enumerated() {
            records[index].pinHash = hashes[slot]
        }
        return records
    }
}
