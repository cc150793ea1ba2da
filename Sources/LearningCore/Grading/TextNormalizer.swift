import Foundation

/// How typed Vietnamese text is compared: NFC, trimmed, inner spaces folded, case folded;
/// optionally without diacritics (and with đ read as d).
public enum TextNormalizer {
    /// Canonical NFC form: what is stored and displayed.
    public static func nfc(_ text: String) -> String {
        isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// The comparison key of an answer.
    public static func comparisonKey(_ text: String, ignoringDiacritics: Bool = false) -> String {
        let folded = nfc(text).split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        guard ignoringDiacritics else { return folded }
        let bare = folded.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !combiningDiacritics.contains($0.value) }
            .map { $0 == "đ" ? "d" : Character($0) }
        return nfc(String(bare))
    }

    /// Leading and trailing white space removed, without going through `NSString`.
    /// Works on scalars: a grapheme break test per character is the slow part of `Character.isWhitespace`.
    public static func trimmed<S: StringProtocol>(_ text: S) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(text[first..<scalars.index(after: last)])
    }

    /// The block of combining diacritical marks (U+0300–U+036F) that Vietnamese tone and vowel marks come from.
    static let combiningDiacritics: ClosedRange<UInt32> = 0x0300...0x036F

    /// A fast check that needs no normalisation: every scalar lies in a range whose characters are all NFC and
    /// never compose with their neighbours (ASCII and Latin up to U+02FF, the precomposed Vietnamese letters of
    /// Latin Extended Additional U+1E00–U+1EFF, dashes and quotes U+2010–U+206F, currency signs U+20A0–U+20CF
    /// such as ₫). Read from the UTF-8 bytes; anything else takes Foundation's slow path.
    static func isKnownNFC(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let lead = utf8.next() {
            switch lead {
            case 0x00...0x7F:
                continue
            case 0xC2...0xCB:  // U+0080–U+02FF
                _ = utf8.next()
            case 0xE1:
                guard let second = utf8.next(), (0xB8...0xBB).contains(second) else { return false }
                _ = utf8.next()
            case 0xE2:
                guard let second = utf8.next(), let third = utf8.next() else { return false }
                switch (second, third) {
                case (0x80, 0x90...0xBF), (0x81, 0x80...0xAF), (0x82, 0xA0...0xBF), (0x83, 0x80...0x8F): continue
                default: return false
                }
            default:
                return false
            }
        }
        return true
    }
}
