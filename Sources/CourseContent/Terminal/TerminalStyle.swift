import Foundation

/// The text styles the terminal front uses, as ANSI SGR codes. Applied only when the output is a terminal and
/// `NO_COLOR` is unset; otherwise the text is left plain.
public struct TerminalStyle: OptionSet, Sendable, Hashable {
    /// The style bits.
    public let rawValue: Int
    /// A style from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Bold.
    public static let bold = TerminalStyle(rawValue: 1 << 0)
    /// Italic (emphasis).
    public static let italic = TerminalStyle(rawValue: 1 << 1)
    /// Underlined.
    public static let underline = TerminalStyle(rawValue: 1 << 2)
    /// Struck through (GFM `~~`).
    public static let strikethrough = TerminalStyle(rawValue: 1 << 3)
    /// Faint: rules, borders, addresses, page prompts.
    public static let dim = TerminalStyle(rawValue: 1 << 4)
    /// Inline and block code.
    public static let code = TerminalStyle(rawValue: 1 << 5)
    /// A link's text.
    public static let link = TerminalStyle(rawValue: 1 << 6)
    /// Right, passed.
    public static let good = TerminalStyle(rawValue: 1 << 7)
    /// Wrong, failed.
    public static let bad = TerminalStyle(rawValue: 1 << 8)
    /// Headings and titles.
    public static let heading = TerminalStyle(rawValue: 1 << 9)

    /// The SGR parameters of this style.
    var codes: [String] {
        var codes: [String] = []
        if contains(.bold) || contains(.heading) { codes.append("1") }
        if contains(.dim) { codes.append("2") }
        if contains(.italic) { codes.append("3") }
        if contains(.underline) || contains(.link) { codes.append("4") }
        if contains(.strikethrough) { codes.append("9") }
        if contains(.code) { codes.append("36") }
        if contains(.link) { codes.append("34") }
        if contains(.good) { codes.append("32") }
        if contains(.bad) { codes.append("31") }
        if contains(.heading) { codes.append("35") }
        return codes
    }

    /// `text` in this style when `enabled`, else `text` unchanged.
    public func apply(_ text: String, enabled: Bool) -> String {
        guard enabled, !isEmpty, !text.isEmpty else { return text }
        return "\u{1B}[" + codes.joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}

/// A piece of inline text in one style.
struct TerminalRun: Sendable, Hashable {
    var text: String
    var style: TerminalStyle
    /// A hard line break (Markdown's two trailing spaces or backslash).
    var isLineBreak = false
}
