import Foundation
import GRDB
import LearningCore

extension AppDatabase {
    /// Creates a staff account; the password is stored as a bcrypt hash only.
    public func createStaffAccount(
        username: String, displayName: String, password: String, role: StaffRole, unitID: String?, at date: Date
    ) async throws -> StaffAccount {
        let hash = hashing.hashPassword(password)
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
    public func signInStaff(username: String, password: String) async throws -> StaffAccount? {
        let row = try await writer.read { db in
            try StaffAccountRow.filter(Column("username") == username && Column("disabledAt") == nil).fetchOne(db)
        }
        guard let row, hashing.verify(password, hash: row.passwordHash) else { return nil }
        return row.account
    }
}
