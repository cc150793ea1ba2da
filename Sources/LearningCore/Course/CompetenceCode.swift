import Foundation
/// A component competence of Thông tư 02/2025/TT-BGDĐT by its code (`4.2`): domain 1–6, component within it.
public struct CompetenceCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let domain: Int
    public let component: Int

    /// Components per domain, as the framework lists them (six domains, 24 components).
    public static let componentsPerDomain = [1: 3, 2: 6, 3: 4, 4: 4, 5: 4, 6: 3]

    /// Parses `d.c`; nil unless it names one of the framework's 24 components.
    public init?(_ code: String) {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let d = Int(parts[0]), let c = Int(parts[1]),
              let count = Self.componentsPerDomain[d], (1...count).contains(c)
        else { return nil }
        domain = d
        component = c
    }

    public var description: String { "\(domain).\(component)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.domain, lhs.component) < (rhs.domain, rhs.component)
    }
}
