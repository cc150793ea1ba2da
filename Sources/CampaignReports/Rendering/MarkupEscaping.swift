import Foundation

/// Escapes text for HTML (written as polyglot markup) and for the XML parts of DOCX and XLSX files: one rule for
/// every renderer.
enum MarkupEscaping {
    /// `text` in NFC, with `&`, `<`, `>` and both quotes escaped, usable in element text and attribute values.
    /// Characters XML 1.0 cannot carry (control characters other than tab and line breaks) are dropped, so a
    /// stray byte in a unit's name cannot make Word or Excel refuse the whole file.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default:
                if isAllowedInXML(scalar) { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// The Char production of XML 1.0.
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
