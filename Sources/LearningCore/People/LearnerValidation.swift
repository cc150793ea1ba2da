/// The rules a learner's details must meet, shared by every front and by the CSV import.
public enum LearnerValidation {
    /// Names are 1–100 characters after trimming.
    public static let nameLength = 1...100
    /// A PIN is 4 to 8 digits.
    public static let pinLength = 4...8

    /// The name trimmed and in NFC, or an error.
    public static func name(_ raw: String) throws(ProgressError) -> String {
        let name = TextNormalizer.nfc(TextNormalizer.trimmed(raw))
        guard nameLength.contains(name.count) else { throw ProgressError(.invalidName, raw) }
        return name
    }

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
