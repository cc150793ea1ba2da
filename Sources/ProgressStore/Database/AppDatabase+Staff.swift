public import Foundation
import GRDB
public import LearningCore

extension AppDatabase: StaffRepository {
    /// Creates a staff account; the password is stored as a bcrypt hash only.
    public func createStaffAccount(
        username: String, displayName: String, password: String, role: StaffRole, unitID: String?, at date: Date
    ) async throws -> StaffAccount {
        let hash = await hashing.hashPasswordOffPool(password)
        return try await writer.write { db in
            if let unitID { try Self.requireActiveUnit(unitID, db) }
            guard try StaffAccountRow.filter(Column("username") == username).isEmpty(db) else {
                throw ProgressError(.duplicateUsername, username)
            }
            var row = StaffAccountRow(id: nil, username: username, displayName: displayName, passwordHash: hash,
                                      role: role.rawValue, unitId: unitID, createdAt: date, disabledAt: nil)
            try row.insert(db)
            return row.account
        }
    }

    /// The account, when the username exists, is not disabled and the password matches.
    public func verifyStaffPassword(username: String, password: String) async throws -> StaffAccount? {
        let row = try await writer.read { db in
            try StaffAccountRow.filter(Column("username") == username && Column("disabledAt") == nil).fetchOne(db)
        }
        guard let row, await hashing.verifyOffPool(password, hash: row.passwordHash) else { return nil }
        return row.account
    }

    public func learners(unitID: String?) async throws -> [Learner] {
        try await writer.read { db in
            var request = LearnerRecord.order(Column("id"))
            if let unitID { request = request.filter(LearnerRecord.Columns.unitId == unitID) }
            return try request.fetchAll(db).map(\.learner)
        }
    }

    public func recordAudit(_ entry: AuditEntry) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO auditEvent (at, staffName, action, learnerId, detail) VALUES (?, ?, ?, ?, ?)",
                arguments: [entry.at, entry.staffName, entry.action.rawValue, entry.learnerID, entry.detail])
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM auditEvent ORDER BY id DESC LIMIT ?", arguments: [limit])
                .compactMap { row in
                    guard let action = AuditEntry.Action(rawValue: row["action"]) else { return nil }
                    return AuditEntry(at: row["at"], staffName: row["staffName"], action: action,
                                      learnerID: row["learnerId"], detail: row["detail"])
                }
        }
    }
}
