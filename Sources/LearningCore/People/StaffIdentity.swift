import Foundation

/// A staff member signed in, or the operator at the server's console (the CLI), who acts as an administrator.
public struct StaffIdentity: Sendable, Hashable, Codable {
    /// The account; nil for the console operator.
    public var accountID: Int64?
    /// Who did it, as the audit log names them (the username, or `console`).
    public var name: String
    public var role: StaffRole
    /// The unit a unit clerk looks after.
    public var unitID: String?

    public init(accountID: Int64?, name: String, role: StaffRole, unitID: String?) {
        self.accountID = accountID
        self.name = name
        self.role = role
        self.unitID = unitID
    }

    /// The person at the server's console, running `hoctap` commands.
    public static let console = StaffIdentity(accountID: nil, name: "console", role: .admin, unitID: nil)

    /// Whether this staff member may see and act on the learners of `unitID`.
    public func covers(unitID: String) -> Bool {
        switch role {
        case .admin, .communeStaff: true
        case .unitClerk: self.unitID == unitID
        }
    }
}

extension StaffAccount {
    /// The identity a front keeps after this account signs in.
    public var identity: StaffIdentity {
        StaffIdentity(accountID: id, name: username, role: role, unitID: unitID)
    }
}
