public import Foundation
public import LearningCore
import Logging
import PostgresNIO
import StoreSupport

extension PostgresStore {
    /// The columns a `Learner` is read from.
    static let learnerColumns: PostgresQuery = "id, display_name, unit_id, category, phone, created_at, anonymised_at"

    static func learner(_ row: PostgresRow) throws -> Learner {
        let (id, name, unit, category, phone, created, anonymised) =
            try row.decode((Int64, String?, String, String, String?, Date, Date?).self)
        return Learner(id: id, displayName: name, unitID: unit,
                       category: LearnerCategory(rawValue: category) ?? .citizens, phone: phone, createdAt: created,
                       anonymisedAt: anonymised)
    }

    /// Registers a learner (PIN hashed off the cooperative pool first) with their placement, in one transaction.
    public func register(_ new: NewLearner, at date: Date) async throws -> Learner {
        let checked = try await CheckedRegistration(new, hashing: hashing)
        let (name, phone, pinHash) = (checked.name, checked.phone, checked.pinHash)
        let logger = logger
        return try await transaction { connection in
            try await Self.requireActiveUnit(new.unitID, connection, logger)
            return try await Self.insertLearner(
                name: name, unitID: new.unitID, category: new.category.rawValue, phone: phone, pinHash: pinHash,
                at: date, connection, logger)
        }
    }

    /// Inserts a learner and their first placement (inside the caller's transaction).
    static func insertLearner(name: String?, unitID: String, category: String, phone: String?, pinHash: String?,
                              at date: Date, _ connection: PostgresConnection, _ logger: Logger) async throws -> Learner {
        guard let row = try await connection.rows("""
            INSERT INTO learner (display_name, unit_id, category, phone, pin_hash, created_at)
            VALUES (\(name), \(unitID), \(category), \(phone), \(pinHash), \(date))
            RETURNING id, display_name, unit_id, category, phone, created_at, anonymised_at
            """, logger).first else { throw ProgressError(.unknownLearner) }
        let learner = try Self.learner(row)
        try await PostgresRollups.addPlacement(learnerID: learner.id, unitID: unitID, category: category, at: date,
                                               from: nil, connection, logger)
        return learner
    }

    public func learner(id: Int64) async throws -> Learner? {
        let logger = logger
        return try await read { connection in
            // Read at nearly every request of a signed-in kiosk: prepared once per connection.
            try await connection.first(LearnerRead(id: id), logger)
        }
    }

    /// Learners of a unit whose name matches (NFC, case-insensitive), for signing in at a kiosk. Anonymised
    /// learners have no name and never match. The comparison is LearningCore's, as the SQLite store's is.
    public func learners(unitID: String, named name: String) async throws -> [Learner] {
        let key = TextNormalizer.comparisonKey(name)
        let logger = logger
        return try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: Self.learnerColumns.sql) FROM learner
                WHERE unit_id = \(unitID) AND anonymised_at IS NULL ORDER BY id
                """, logger).map(Self.learner)
                .filter { $0.displayName.map { TextNormalizer.comparisonKey($0) } == key }
        }
    }

    public func verifyPIN(learnerID: Int64, pin: String) async throws -> Bool {
        let logger = logger
        let hash = try await transaction { connection in
            try await connection.rows("SELECT pin_hash FROM learner WHERE id = \(learnerID)", logger).first?
                .decode(String?.self)
        }
        guard let hash else { return false }
        return await hashing.verifyOffPool(pin, hash: hash)
    }

    public func recordConsent(_ event: ConsentEvent) async throws {
        let logger = logger
        try await transaction { connection in
            guard try await !connection.rows("SELECT 1 FROM learner WHERE id = \(event.learnerID)", logger).isEmpty
            else { throw ProgressError(.unknownLearner, String(event.learnerID)) }
            try await connection.run("""
                INSERT INTO consent_event (learner_id, purpose, notice_version, given, at)
                VALUES (\(event.learnerID), \(event.purpose.rawValue), \(event.noticeVersion), \(event.given),
                        \(event.at))
                """, logger)
        }
    }

    /// Every consent given or withdrawn by a learner, oldest first.
    public func consents(learnerID: Int64) async throws -> [ConsentEvent] {
        let logger = logger
        return try await read { connection in
            try await connection.rows("""
                SELECT purpose, notice_version, given, at FROM consent_event WHERE learner_id = \(learnerID)
                ORDER BY id
                """, logger).compactMap { row in
                let (purpose, version, given, at) = try row.decode((String, String, Bool, Date).self)
                return ConsentPurpose(rawValue: purpose).map {
                    ConsentEvent(learnerID: learnerID, purpose: $0, noticeVersion: version, given: given, at: at)
                }
            }
        }
    }

    /// Corrects a learner's details; a change of unit or category is a dated placement from now on.
    public func correct(learnerID: Int64, _ correction: LearnerCorrection) async throws -> Learner {
        try await correct(learnerID: learnerID, correction, at: Date())
    }

    /// Corrects a learner's details; a change of unit or category takes effect at `date`.
    public func correct(learnerID: Int64, _ correction: LearnerCorrection, at date: Date) async throws -> Learner {
        let name = try correction.displayName.map { try LearnerValidation.name($0) }
        let phone: String?? = try correction.phone.map { raw in try raw.flatMap { try LearnerValidation.phone($0) } }
        let logger = logger
        return try await transaction { connection in
            guard let row = try await connection.rows("""
                SELECT \(unescaped: Self.learnerColumns.sql) FROM learner
                WHERE id = \(learnerID) AND anonymised_at IS NULL FOR UPDATE
                """, logger).first else { throw ProgressError(.unknownLearner, String(learnerID)) }
            let before = try Self.learner(row)
            var after = before
            if let name { after.displayName = name }
            if let unitID = correction.unitID {
                try await Self.requireActiveUnit(unitID, connection, logger)
                after.unitID = unitID
            }
            if let category = correction.category { after.category = category }
            if let phone { after.phone = phone }
            try await connection.run("""
                UPDATE learner SET display_name = \(after.displayName), unit_id = \(after.unitID),
                    category = \(after.category.rawValue), phone = \(after.phone)
                WHERE id = \(learnerID)
                """, logger)
            if (before.unitID, before.category) != (after.unitID, after.category) {
                try await PostgresRollups.addPlacement(
                    learnerID: learnerID, unitID: after.unitID, category: after.category.rawValue, at: date,
                    from: (before.unitID, before.category.rawValue), connection, logger)
            }
            return after
        }
    }

    /// Erases name, phone and PIN; unit, category and counted results stay as anonymous figures.
    public func anonymise(learnerID: Int64, at date: Date) async throws {
        let logger = logger
        try await transaction { connection in
            let changed = try await connection.run("""
                UPDATE learner SET display_name = NULL, phone = NULL, pin_hash = NULL, anonymised_at = \(date)
                WHERE id = \(learnerID) AND anonymised_at IS NULL RETURNING 1
                """, logger)
            guard changed == 1 else { throw ProgressError(.unknownLearner, String(learnerID)) }
        }
    }
}
