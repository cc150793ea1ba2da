public import Foundation
import GRDB
import StoreSupport
public import LearningCore

extension AppDatabase {
    public func register(_ new: NewLearner, at date: Date) async throws -> Learner {
        let checked = try await CheckedRegistration(new, hashing: hashing)
        let (name, phone, pinHash) = (checked.name, checked.phone, checked.pinHash)
        let calendar = calendar
        return try await writer.write { db in
            try Self.requireActiveUnit(new.unitID, db)
            var record = LearnerRecord(
                id: nil, displayName: name, unitId: new.unitID, category: new.category.rawValue, phone: phone,
                pinHash: pinHash, createdAt: date, anonymisedAt: nil)
            try record.insert(db)
            try Rollups.addPlacement(learnerID: record.id!, unitID: record.unitId, category: record.category,
                                     at: date, from: nil, calendar: calendar, db)
            return record.learner
        }
    }

    public func learner(id: Int64) async throws -> Learner? {
        try await writer.read { db in try LearnerRecord.fetchOne(db, key: id)?.learner }
    }

    /// Learners of a unit whose name matches (NFC, case-insensitive), for signing in at a kiosk. Anonymised
    /// learners have no name and never match.
    public func learners(unitID: String, named name: String) async throws -> [Learner] {
        let key = TextNormalizer.comparisonKey(name)
        return try await writer.read { db in
            try LearnerRecord.filter(LearnerRecord.Columns.unitId == unitID && Column("anonymisedAt") == nil)
                .fetchAll(db)
                .filter { $0.displayName.map { TextNormalizer.comparisonKey($0) } == key }
                .map(\.learner)
        }
    }

    public func verifyPIN(learnerID: Int64, pin: String) async throws -> Bool {
        let hash = try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT pinHash FROM learner WHERE id = ?", arguments: [learnerID])
        }
        guard let hash else { return false }
        return await hashing.verifyOffPool(pin, hash: hash)
    }

    /// Sets or changes a learner's PIN.
    public func setPIN(learnerID: Int64, pin: String) async throws {
        let hash = await hashing.hashPINOffPool(try LearnerValidation.pin(pin))
        try await writer.write { db in
            try db.execute(sql: "UPDATE learner SET pinHash = ? WHERE id = ? AND anonymisedAt IS NULL",
                           arguments: [hash, learnerID])
            guard db.changesCount == 1 else { throw ProgressError(.unknownLearner, String(learnerID)) }
        }
    }

    public func recordConsent(_ event: ConsentEvent) async throws {
        try await writer.write { db in
            guard try LearnerRecord.exists(db, key: event.learnerID) else {
                throw ProgressError(.unknownLearner, String(event.learnerID))
            }
            var record = ConsentEventRecord(event)
            try record.insert(db)
        }
    }

    /// Every consent given or withdrawn by a learner, oldest first.
    public func consents(learnerID: Int64) async throws -> [ConsentEvent] {
        try await writer.read { db in
            try ConsentEventRecord.filter(Column("learnerId") == learnerID).order(Column("id")).fetchAll(db)
                .compactMap(\.event)
        }
    }

    /// Corrects a learner's details (a person's right to correct their data). A move to another unit or
    /// category is dated now: it changes only what is counted from now on.
    public func correct(learnerID: Int64, _ correction: LearnerCorrection) async throws -> Learner {
        try await correct(learnerID: learnerID, correction, at: Date())
    }

    /// Corrects a learner's details; a change of unit or category takes effect at `date` (a dated placement),
    /// so reports of periods before it are unchanged.
    public func correct(learnerID: Int64, _ correction: LearnerCorrection, at date: Date) async throws -> Learner {
        let calendar = calendar
        let name = try correction.displayName.map { try LearnerValidation.name($0) }
        let phone: String?? = try correction.phone.map { raw in try raw.flatMap { try LearnerValidation.phone($0) } }
        return try await writer.write { db in
            guard var record = try LearnerRecord.fetchOne(db, key: learnerID), record.anonymisedAt == nil else {
                throw ProgressError(.unknownLearner, String(learnerID))
            }
            if let name { record.displayName = name }
            if let unitID = correction.unitID {
                try Self.requireActiveUnit(unitID, db)
                record.unitId = unitID
            }
            if let category = correction.category { record.category = category.rawValue }
            if let phone { record.phone = phone }
            let before = try LearnerRecord.fetchOne(db, key: learnerID)!
            try record.update(db)
            if (before.unitId, before.category) != (record.unitId, record.category) {
                try Rollups.addPlacement(learnerID: learnerID, unitID: record.unitId, category: record.category,
                                         at: date, from: (before.unitId, before.category), calendar: calendar, db)
            }
            return record.learner
        }
    }

    /// Deletes a learner's personal data: name, phone and PIN are erased (and overwritten on disk); unit,
    /// category and counted results stay as anonymous figures, so past reports still add up.
    public func anonymise(learnerID: Int64, at date: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE learner SET displayName = NULL, phone = NULL, pinHash = NULL, anonymisedAt = ?
                    WHERE id = ? AND anonymisedAt IS NULL
                    """,
                arguments: [date, learnerID])
            guard db.changesCount == 1 else { throw ProgressError(.unknownLearner, String(learnerID)) }
        }
        // Old page images stay in the WAL until a checkpoint copies them over and truncates it. A reader busy at
        // this moment can make the truncating checkpoint fail; the deletion itself has been committed, and the
        // WAL's old frames are overwritten by the next checkpoints, so that failure is not the learner's error.
        try? await writer.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
        }
    }

    static func requireActiveUnit(_ unitID: String, _ db: Database) throws {
        guard let unit = try UnitRecord.fetchOne(db, key: unitID), unit.retiredAt == nil else {
            throw ProgressError(.unknownUnit, unitID)
        }
    }
}
