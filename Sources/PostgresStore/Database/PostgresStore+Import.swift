public import Foundation
public import LearningCore
import Logging
import PostgresNIO
import StoreSupport

extension PostgresStore {
    /// Imports a learner list all or nothing: every row checked by `LearnerImportRules` first, PINs hashed on
    /// every core outside the transaction, then the new learners written in one transaction. A learner already
    /// there (the rules' identity) is counted, not added again.
    public func importLearners(csv: String, at date: Date, allowedUnitID: String?) async throws
        -> LearnerImportReport
    {
        let checked = LearnerImportRules.check(csv: csv, units: try await units(), allowedUnitID: allowedUnitID)
        guard checked.problems.isEmpty else {
            return LearnerImportReport(acceptedCount: checked.rows.count, imported: false, problems: checked.problems)
        }
        let accepted = checked.rows.map(\.learner)
        let present = try await presentIdentities()
        let fresh = accepted.filter { !present.contains(Self.identity($0)) }
        let pins = fresh.compactMap(\.pin)
        let hashes = await hashing.hashPINs(pins)
        var hashed: [(NewLearner, String?)] = []
        var next = 0
        for learner in fresh {
            if learner.pin != nil {
                hashed.append((learner, hashes[next]))
                next += 1
            } else {
                hashed.append((learner, nil))
            }
        }
        let ready = hashed
        let logger = logger
        let written = try await transaction { connection in
            // Checked again inside the transaction: another import may have added some meanwhile.
            var present = try await Self.presentIdentities(connection, logger)
            var written = 0
            for (learner, pinHash) in ready where !present.contains(Self.identity(learner)) {
                _ = try await Self.insertLearner(
                    name: learner.displayName, unitID: learner.unitID, category: learner.category.rawValue,
                    phone: learner.phone, pinHash: pinHash, at: date, connection, logger)
                present.insert(Self.identity(learner))
                written += 1
            }
            return written
        }
        return LearnerImportReport(acceptedCount: written, alreadyPresentCount: accepted.count - written,
                                   imported: true, problems: [])
    }

    private static func identity(_ learner: NewLearner) -> String {
        LearnerImportRules.identity(unitID: learner.unitID, displayName: learner.displayName,
                                    category: learner.category.rawValue, phone: learner.phone)
    }

    private func presentIdentities() async throws -> Set<String> {
        let logger = logger
        return try await transaction { connection in try await Self.presentIdentities(connection, logger) }
    }

    /// The identities of every learner of the commune not anonymised.
    private static func presentIdentities(_ connection: PostgresConnection, _ logger: Logger) async throws
        -> Set<String>
    {
        Set(try await connection.rows("""
            SELECT unit_id, display_name, category, phone FROM learner WHERE anonymised_at IS NULL
            """, logger).map { row in
            let (unit, name, category, phone) = try row.decode((String, String?, String, String?).self)
            return LearnerImportRules.identity(unitID: unit, displayName: name ?? "", category: category, phone: phone)
        })
    }
}
