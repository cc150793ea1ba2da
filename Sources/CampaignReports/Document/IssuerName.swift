import Foundation

/// The name of an issuing body as the header sets it: in capitals, the body on the first line and its place on
/// the second ("Ủy ban nhân dân xã Kiến Thụy" → "ỦY BAN NHÂN DÂN" / "XÃ KIẾN THỤY"), as Decree 30 shows it. The
/// reports' headers and the certificates' use it alike.
public enum IssuerName {
    /// The levels of a local administration, longest first so "thị xã" is not read as "xã".
    private static let levels: [[String]] = [
        ["thành", "phố"], ["thị", "xã"], ["thị", "trấn"], ["đặc", "khu"], ["xã"], ["phường"], ["huyện"], ["quận"],
        ["tỉnh"],
    ]

    /// `name` in capitals, broken before its administrative level; a name with no level stays on one line.
    public static func lines(_ name: String) -> [String] {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        let lowered = words.map { $0.lowercased(with: vietnamese) }
        for index in words.indices.dropFirst() {
            let startsLevel = levels.contains { level in
                index + level.count <= words.count && Array(lowered[index..<(index + level.count)]) == level
            }
            if startsLevel {
                return [upper(words[..<index].joined(separator: " ")), upper(words[index...].joined(separator: " "))]
            }
        }
        return [upper(words.joined(separator: " "))]
    }

    private static let vietnamese = Locale(identifier: "vi_VN")

    private static func upper(_ text: String) -> String { text.uppercased(with: vietnamese) }
}
