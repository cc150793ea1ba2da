public import Foundation

/// Reads a number as a Vietnamese learner types it: `,` is the decimal mark and `.` groups thousands
/// (`1.000.000`, `2,5`); a lone `.` that does not group thousands (`2.5`) is read as a decimal mark too.
public enum VietnameseNumber {
    /// The exact value, or nil when the text is not a number.
    /// A number written the Vietnamese way, with a decimal comma (`2,5`).
    public static func format(_ value: Decimal) -> String {
        "\(value)".replacingOccurrences(of: ".", with: ",")
    }

    public static func parse(_ raw: String) -> Decimal? {
        var text = TextNormalizer.trimmed(TextNormalizer.nfc(raw))
        text.unicodeScalars.removeAll { $0 == " " || $0 == "\u{00A0}" }
        guard !text.isEmpty else { return nil }
        var sign = ""
        if let first = text.first, first == "-" || first == "+" || first == "−" {
            sign = first == "+" ? "" : "-"
            text.removeFirst()
        }
        let plain: String
        if text.contains(",") {
            // Decimal comma: dots can only be thousands separators.
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2, isGrouped(String(parts[0])) || !parts[0].contains(".") else { return nil }
            plain = parts[0].replacingOccurrences(of: ".", with: "") + "." + parts[1]
        } else if text.filter({ $0 == "." }).count >= 1, isGrouped(text) {
            plain = text.replacingOccurrences(of: ".", with: "")
        } else {
            plain = text
        }
        guard !plain.isEmpty, plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              plain.filter({ $0 == "." }).count <= 1, plain.first != ".", plain.last != "."
        else { return nil }
        return Decimal(string: sign + plain, locale: posix)
    }

    /// Made once: a `Locale` costs more to build than the number costs to read.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// `1.000` or `12.345.678`: groups of three digits after the first, joined by dots.
    private static func isGrouped(_ text: String) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 2, let head = groups.first, (1...3).contains(head.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isNumber) && !$0.isEmpty }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
