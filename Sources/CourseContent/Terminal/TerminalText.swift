import Foundation

/// Text measured as a terminal shows it: Vietnamese combining marks take no column, East Asian wide characters
/// and emoji take two, everything else one.
public enum TerminalText {
    /// The number of terminal columns `text` takes.
    public static func width(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The columns one scalar takes.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(value) || (0xFE00...0xFE0F).contains(value) || value == 0x200B { return 0 }
        if isWide(value) || properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth W and F, in broad blocks).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD,
             0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` followed by spaces up to `columns` display columns.
    public static func padded(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - width(text)))
    }

    /// Plain text wrapped to `columns` by display width: words kept whole unless one is longer than a line;
    /// line breaks in `text` kept.
    public static func wrap(_ text: String, width columns: Int) -> [String] {
        let renderer = TerminalMarkdownRenderer(width: columns, styled: false)
        return text.components(separatedBy: "\n").flatMap { paragraph -> [String] in
            let runs = [TerminalRun(text: paragraph, style: [])]
            let lines = renderer.wrap(runs, width: columns).map { $0.map(\.text).joined() }
            return lines.isEmpty ? [""] : lines
        }
    }
}
