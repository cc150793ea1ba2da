import Foundation
import GRDB
import LearningCore

/// A row of `unit`.
struct UnitRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "unit"
    var id: String
    var name: String
    var kind: String
    var retiredAt: Date?

    init(_ unit: CommuneUnit) {
        id = unit.id
        name = unit.name
        kind = unit.kind.rawValue
        retiredAt = unit.retiredAt
    }

    var unit: CommuneUnit? {
        UnitKind(rawValue: kind).map { CommuneUnit(id: id, name: name, kind: $0, retiredAt: retiredAt) }
    }
}
