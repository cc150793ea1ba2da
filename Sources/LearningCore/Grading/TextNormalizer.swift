import Foundation

/// How typed Vietnamese text is compared: NFC, trimmed, inner spaces folded, case folded;
/// optionally without diacritics (and with đ read as d).
public enum TextNormalizer {
    /// Canonical NFC form: what is stored and displayed.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// The comparison key of an answer.
    public static func comparisonKey(_ text: String, ignoringDiacritics: Bool = false) -> String {
        var folded = nfc(text)
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
            .folding(options: [.caseInsensitive, .widthInsensitive], locale: Locale(identifier: "vi"))
        if ignoringDiacritics {
            folded = folded
                .folding(options: [.diacriticInsensitive], locale: Locale(identifier: "vi"))
                .replacingOccurrences(of: "đ", with: "d")
                .replacingOccurrences(of: "Đ", with: "d")
        }
        return nfc(folded)
    }
}
