/// The rules a learner's details must meet, shared by every front and by the CSV import.
public enum LearnerValidation {
    /// Names are 1–100 characters after trimming.
    public static let nameLength = 1...100
    /// A PIN is 4 to 8 digits.
    public static let pinLength = 4...8

    /// Unicode direction controls (embeddings, overrides, isolates and marks): invisible, and able to make a
    /// name read differently on screen than it is stored.
    public static let directionControls: Set<UInt32> = [
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
    ]

    /// The name trimmed and in NFC, or an error: 1–100 characters, none of them a control character (general
    /// category Cc: tabs, line breaks, escapes) or a direction control.
    public static func name(_ raw: String) throws(ProgressError) -> String {
        let name = TextNormalizer.nfc(TextNormalizer.trimmed(raw))
        guard !hasForbiddenCharacters(name) else { throw ProgressError(.invalidNameCharacters, visible(raw)) }
        guard nameLength.contains(name.count) else { throw ProgressError(.invalidName, raw) }
        return name
    }

    /// Whether `text` holds a control character (Cc) or a Unicode direction control.
    public static func hasForbiddenCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control || directionControls.contains($0.value) }
    }

    /// `text` with every forbidden character shown as `<U+XXXX>`, so it can be printed safely in a message.
    public static func visible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || directionControls.contains(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// `text` without its control and direction characters: what a form offers again after refusing a name, so
    /// the person retypes a field that holds no character they cannot see or delete.
    public static func withoutForbiddenCharacters(_ text: String) -> String {
        var kept = ""
        kept.unicodeScalars.append(contentsOf: text.unicodeScalars.filter {
            $0.properties.generalCategory != .control && !directionControls.contains($0.value)
        })
        return kept
    }

    /// The PIN if it is 4 to 8 ASCII digits, or an error.
    public static func pin(_ raw: String) throws(ProgressError) -> String {
        guard pinLength.contains(raw.count), raw.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ProgressError(.invalidPIN)
        }
        return raw
    }

    /// Digits (a leading + allowed, spaces and dots dropped), 9 to 15 of them; empty means none.
    public static func phone(_ raw: String) throws(ProgressError) -> String? {
        let compact = raw.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        guard !compact.isEmpty else { return nil }
        let digits = compact.hasPrefix("+") ? String(compact.dropFirst()) : compact
        guard (9...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ProgressError(.invalidPhone, raw)
        }
        return compact
    }
}
