import Foundation
/// The kinds of people the campaign counts (đối tượng), by the code used in course files and configuration.
public enum LearnerCategory: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Cán bộ, công chức, viên chức.
    case officials = "can-bo"
    /// Người lao động.
    case workers = "nguoi-lao-dong"
    /// Đảng viên.
    case partyMembers = "dang-vien"
    /// Doanh nghiệp, hợp tác xã, hộ kinh doanh.
    case business = "doanh-nghiep"
    /// Người dân.
    case citizens = "nguoi-dan"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
