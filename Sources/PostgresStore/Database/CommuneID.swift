/// The code of a commune (xã, phường) of the city, the tenant a store works for: lower-case letters, digits and
/// dashes, 1 to 63 of them (`phuong-ben-nghe`, `xa-79`), so that it can never be read as SQL.
public struct CommuneID: Sendable, Hashable, CustomStringConvertible {
    /// The code itself.
    public let value: String

    /// The code, when `value` is one; nil otherwise.
    public init?(_ value: String) {
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard !value.isEmpty, value.utf8.count <= 63, allowed, value.first != "-" else { return nil }
        self.value = value
    }

    public var description: String { value }
}
