import Foundation
import LearningCore

/// The `{#id multiple partial}` block an author may end a question heading with.
struct QuestionAttributes {
    var id: String?
    var multiple = false
    /// Nil: follow the quiz's `partial_credit`.
    var partialCredit: Bool?
    var ignoresDiacritics = false
    /// Tokens not understood, reported by the parser.
    var unknown: [String] = []

    static let vocabulary = ["#id", "multiple", "partial", "all-or-nothing", "ignore-diacritics"]

    /// Splits a heading's last text into the visible text and its attribute block, if any.
    static func split(_ text: String) -> (text: String, attributes: QuestionAttributes?) {
        // Most headings have no attribute block: tell from the last byte that is not ASCII space before any
        // Unicode work (a non-ASCII last byte may be other white space, and takes the careful path).
        let last = text.utf8.last { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        guard let last, last >= 0x80 || last == UInt8(ascii: "}") else { return (text, nil) }
        let trimmed = TextNormalizer.trimmed(text)
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return (text, nil) }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        var attributes = QuestionAttributes()
        for token in inside.split(whereSeparator: \.isWhitespace).map(String.init) {
            switch token {
            case "multiple": attributes.multiple = true
            case "partial": attributes.partialCredit = true
            case "all-or-nothing": attributes.partialCredit = false
            case "ignore-diacritics": attributes.ignoresDiacritics = true
            default:
                let name = token.dropFirst()
                if token.hasPrefix("#"), !name.isEmpty,
                   name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) {
                    attributes.id = String(name)
                } else {
                    attributes.unknown.append(token)
                }
            }
        }
        let visible = TextNormalizer.trimmed(trimmed[..<open])
        return (visible, attributes)
    }
}
