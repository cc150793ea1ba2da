import Foundation
import GRDB
import LearningCore

/// A row of `staffAccount`. `passwordHash` never leaves the store.
struct StaffAccountRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "staffAccount"
    var id: Int64?
    var username: String
    var displayName: String
    var passwordHash: String
    var role: String
    var unitId: String?
    var createdAt: Date
    var disabledAt: Date?

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var account: StaffAccount {
        StaffAccount(id: id ?? 0, username: username, displayName: displayName,
                     role: StaffRole(rawValue: role) ?? .unitClerk, unitID: unitId, createdAt: createdAt,
                     disabledAt: disabledAt)
    }
}
