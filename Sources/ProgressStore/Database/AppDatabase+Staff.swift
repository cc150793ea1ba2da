public import Foundation
import GRDB
import StoreSupport
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

    /// The account, when the username exists, is not disabled and the password matches. Without such an account
    /// a decoy hash is checked all the same, so the refusal takes as long either way.
    public func verifyStaffPassword(username: String, password: String) async throws -> StaffAccount? {
        let row = try await writer.read { db in
            try StaffAccountRow.filter(Column("username") == username && Column("disabledAt") == nil).fetchOne(db)
        }
        guard let row else {
            await hashing.spendPasswordCheckOffPool(password)
            return nil
        }
        guard await hashing.verifyOffPool(password, hash: row.passwordHash) else { return nil }
        return row.account
    }

    /// Every staff account, disabled ones included, by username.
    public func staffAccounts() async throws -> [StaffAccount] {
        try await writer.read { db in
            try StaffAccountRow.order(Column("username")).fetchAll(db).map(\.account)
        }
    }

    /// The account with this username, disabled or not.
    public func staffAccount(username: String) async throws -> StaffAccount? {
        try await writer.read { db in
            try StaffAccountRow.filter(Column("username") == username).fetchOne(db)?.account
        }
    }

    /// How many staff accounts there are.
    public func staffAccountCount() async throws -> Int {
        try await writer.read { db in try StaffAccountRow.fetchCount(db) }
    }

    /// Disables the account from `disabledAt`, or enables it when nil.
    public func setStaffAccountDisabled(username: String, disabledAt: Date?) async throws -> StaffAccount {
        try await writer.write { db in
            guard var row = try StaffAccountRow.filter(Column("username") == username).fetchOne(db) else {
                throw ProgressError(.unknownStaffAccount, username)
            }
            row.disabledAt = disabledAt
            try row.update(db)
            return row.account
        }
    }

    /// Replaces the password's bcrypt hash (hashed off the cooperative pool, before the write transaction).
    public func resetStaffPassword(username: String, password: String) async throws {
        guard try await staffAccount(username: username) != nil else {
            throw ProgressError(.unknownStaffAccount, username)
        }
        let hash = await hashing.hashPasswordOffPool(password)
        try await writer.write { db in
            guard var row = try StaffAccountRow.filter(Column("username") == username).fetchOne(db) else {
                throw ProgressError(.unknownStaffAccount, username)
            }
            row.passwordHash = hash
            try row.update(db)
        }
    }

    /// Staff sign-in failures, filed under `staff:` + `key` in the table the learners' PIN throttle uses.
    public func staffSignInThrottle(key: String) async throws -> SignInThrottle.State? {
        try await signInThrottle(key: Self.staffThrottleKey(key))
    }

    /// Stores staff sign-in failures under `staff:` + `key`; nil forgets them.
    public func saveStaffSignInThrottle(key: String, state: SignInThrottle.State?) async throws {
        try await saveSignInThrottle(key: Self.staffThrottleKey(key), state: state)
    }

    /// Imports a learner list all or nothing, through `LearnerImport`.
    public func importLearners(csv: String, at date: Date, allowedUnitID: String?) async throws
        -> LearnerImportReport
    {
        try await LearnerImport(database: self).run(csv: csv, at: date, allowedUnitID: allowedUnitID)
    }

    /// Learners' keys start with `learner:` or `kiosk:`; staff keys with `staff:`, so they never meet.
    static func staffThrottleKey(_ key: String) -> String { "staff:\(key)" }

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
