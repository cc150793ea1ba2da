public import Foundation

/// A staff member who signs in with a password (stored as a bcrypt hash).
public struct StaffAccount: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: StaffRole
    /// The unit a unit clerk sees; nil for commune staff and admins.
    public var unitID: String?
    public var createdAt: Date
    /// When an administrator disabled the account (it cannot sign in); nil while it is in use.
    public var disabledAt: Date?

    /// An account as stored; `disabledAt` nil for one in use.
    public init(id: Int64, username: String, displayName: String, role: StaffRole, unitID: String?, createdAt: Date,
                disabledAt: Date? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.unitID = unitID
        self.createdAt = createdAt
        self.disabledAt = disabledAt
    }

    /// Whether the account is disabled.
    public var isDisabled: Bool { disabledAt != nil }
}

/// What a staff account may see and do.
public enum StaffRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Cán bộ đơn vị: sees their own unit.
    case unitClerk = "can-bo-don-vi"
    /// Cán bộ xã (Phòng Văn hoá - Xã hội): sees every unit, makes the reports.
    case communeStaff = "can-bo-xa"
    /// Quản trị: manages accounts and the configuration.
    case admin = "quan-tri"
}
