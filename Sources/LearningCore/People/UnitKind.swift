import Foundation

/// The kinds of unit the plan names.
public enum UnitKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Phòng, ban.
    case department = "phong-ban"
    /// Cơ quan.
    case agency = "co-quan"
    /// Đơn vị sự nghiệp (Trung tâm Sự nghiệp công …).
    case publicServiceUnit = "don-vi-su-nghiep"
    /// Đoàn thể (Ủy ban MTTQ, Hội Nông dân, Hội LHPN, Đoàn Thanh niên, Hội CCB).
    case massOrganisation = "doan-the"
    /// Doanh nghiệp.
    case enterprise = "doanh-nghiep"
    /// Hợp tác xã.
    case cooperative = "hop-tac-xa"
    /// Thôn.
    case village = "thon"
}
