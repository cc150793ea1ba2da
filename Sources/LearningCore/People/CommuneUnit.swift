public import Foundation

/// A unit of the commune (đơn vị) that runs the movement among its people and reports yearly.
public struct CommuneUnit: Sendable, Hashable, Codable, Identifiable {
    /// Stable code from the campaign configuration (`thon-dong`, `phong-van-hoa-xa-hoi`).
    public var id: String
    public var name: String
    public var kind: UnitKind
    /// Set when the unit is retired: its history stays and counts in past periods.
    public var retiredAt: Date?

    public init(id: String, name: String, kind: UnitKind, retiredAt: Date? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.retiredAt = retiredAt
    }
}

