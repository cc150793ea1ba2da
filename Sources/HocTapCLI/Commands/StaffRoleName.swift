import Foundation
import LearningCore

/// The role a command line names: the stored value (`quan-tri`, `can-bo-xa`, `can-bo-don-vi`) or its English
/// short form (`admin`, `commune`, `clerk`).
enum StaffRoleName {
    /// The role, or nil when the text names none.
    static func parse(_ text: String) -> StaffRole? {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "admin": return .admin
        case "commune": return .communeStaff
        case "clerk": return .unitClerk
        default: return StaffRole(rawValue: name)
        }
    }
}
