import Foundation
import GRDB
import LearningCore

/// A row of `learner`. `pinHash` never leaves the store.
struct LearnerRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "learner"
    var id: Int64?
    var displayName: String?
    var unitId: String
    var category: String
    var phone: String?
    var pinHash: String?
    var createdAt: Date
    var anonymisedAt: Date?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let unitId = Column(CodingKeys.unitId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var learner: Learner {
        Learner(id: id ?? 0, displayName: displayName, unitID: unitId,
                category: LearnerCategory(rawValue: category) ?? .citizens, phone: phone, createdAt: createdAt,
                anonymisedAt: anonymisedAt)
    }
}
