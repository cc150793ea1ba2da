import Foundation
/// The proficiency tier of Thông tư 02/2025 a course aims at (bậc 1–2 cơ bản … bậc 7–8 chuyên sâu).
public enum ProficiencyLevel: String, Sendable, Hashable, CaseIterable, Codable {
    /// Cơ bản.
    case basic = "co-ban"
    /// Trung cấp.
    case intermediate = "trung-cap"
    /// Nâng cao.
    case advanced = "nang-cao"
    /// Chuyên sâu.
    case specialist = "chuyen-sau"
}
