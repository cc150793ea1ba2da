import Foundation
import LearningCore

/// A course file read as NFC text, split into YAML front matter and Markdown body with line numbers kept:
/// the front matter lines are blanked in `markdown`, so cmark's line numbers are the file's.
struct SourceFile {
    /// Path as shown in diagnostics.
    let path: String
    let lines: [Substring]
    /// The front matter between the two `---` lines, preceded by blank lines so YAML lines are file lines.
    let frontMatter: String?
    /// The whole file with the front matter blanked out.
    let markdown: String
    /// 1-based line where the body starts (after the front matter).
    let bodyStartLine: Int

    /// The body's Markdown source alone (for the terminal front).
    var body: String { text(fromLine: bodyStartLine, toLine: lines.count + 1) }

    /// Reads and decodes a file; on bad UTF-8 returns nil and reports where the first bad byte is.
    static func read(path: String, displayPath: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let data = FileBytes.read(path) else {
            diagnostics.append(Diagnostic(path: displayPath, line: 1, column: 1, code: .unreadableFile))
            return nil
        }
        return decode(data, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// Decodes a file's bytes; on bad UTF-8 returns nil and reports where the first bad byte is.
    static func decode(_ data: Data, displayPath: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8Position(in: data)
            diagnostics.append(Diagnostic(path: displayPath, line: line, column: column, code: .invalidUTF8))
            return nil
        }
        return SourceFile(path: displayPath, text: text)
    }

    init(path: String, text raw: String) {
        self.path = path
        var text = TextNormalizer.nfc(raw)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = Self.splitLines(text)
        self.lines = lines
        let isFence = { (line: Substring) in TextNormalizer.trimmed(line) == "---" }
        if let first = lines.first, isFence(first), let close = lines.dropFirst().firstIndex(where: isFence) {
            frontMatter = ([""] + lines[1..<close]).joined(separator: "\n")
            markdown = String(repeating: "\n", count: close + 1) + lines[(close + 1)...].joined(separator: "\n")
            bodyStartLine = close + 2
        } else {
            frontMatter = nil
            markdown = lines.joined(separator: "\n")
            bodyStartLine = 1
        }
    }

    /// Lines split at the endings cmark knows (`\n`, `\r\n`, `\r`), so line numbers agree with it.
    /// Walks the UTF-8 bytes: splitting by `Character` costs a grapheme break test per character.
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            var next = utf8.index(after: index)
            if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            start = next
            index = next
        }
        lines.append(text[start...])
        return lines
    }

    /// Source lines `from` up to, not including, `to` (1-based), joined and trimmed.
    func text(fromLine from: Int, toLine to: Int) -> String {
        let start = max(from, 1) - 1
        let end = min(max(to - 1, start), lines.count)
        guard start < end else { return "" }
        // Lines are slices of one string: the span between them is the source text itself.
        let first = lines[start], last = lines[end - 1]
        return TextNormalizer.trimmed(first.base[first.startIndex..<last.endIndex])
    }

    /// The character column of a 1-based byte column on a 1-based line (cmark counts bytes).
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lines.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let utf8 = lines[line - 1].utf8
        let end = utf8.index(utf8.startIndex, offsetBy: min(byteColumn - 1, utf8.count))
        return lines[line - 1][..<end].count + 1
    }

    /// A diagnostic at a Markdown node.
    func diagnostic(at node: MarkdownNode, _ code: DiagnosticCode, _ arguments: [String] = []) -> Diagnostic {
        Diagnostic(path: path, line: node.line,
                   column: characterColumn(line: node.line, byteColumn: node.byteColumn),
                   code: code, arguments: arguments)
    }

    /// A diagnostic at a line and character column.
    func diagnostic(line: Int, column: Int, _ code: DiagnosticCode, _ arguments: [String] = []) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, code: code, arguments: arguments)
    }

    /// Line and character column of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8Position(in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data)
        var offset = 0
        var lineStart = 0
        var line = 1
        while offset < bytes.count {
            let length = validSequenceLength(bytes, at: offset)
            if length == 0 { break }
            if bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            offset += length
        }
        let prefix = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return (line, prefix.count + 1)
    }

    /// Length of the valid UTF-8 sequence starting at `offset`, or 0 when it is not valid.
    private static func validSequenceLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard offset + length <= bytes.count else { return 0 }
        let slice = bytes[offset..<(offset + length)]
        return String(validating: slice, as: UTF8.self) == nil ? 0 : length
    }
}
