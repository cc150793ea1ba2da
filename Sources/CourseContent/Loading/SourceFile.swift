import Foundation
import LearningCore

/// A course file read as NFC text, split into YAML front matter and Markdown body with line numbers kept:
/// cmark is fed blank lines in place of the front matter, so its line numbers are the file's.
/// Lines are kept as UTF-8 offsets into the one text: a `Substring` per line costs an allocation and a retain.
struct SourceFile {
    /// Path as shown in diagnostics.
    let path: String
    /// The whole file, NFC, without a byte order mark.
    let text: String
    /// UTF-8 offsets where each line starts and ends (before its line ending).
    private let lineStarts: [Int]
    private let lineEnds: [Int]
    /// The front matter between the two `---` lines, preceded by blank lines so YAML lines are file lines.
    let frontMatter: String?
    /// 1-based line where the body starts (after the front matter).
    let bodyStartLine: Int

    /// Number of lines in the file.
    var lineCount: Int { lineStarts.count }

    /// The body's Markdown source alone (for the terminal front).
    var body: String { text(fromLine: bodyStartLine, toLine: lineCount + 1) }

    /// Reads and decodes a file; on bad UTF-8 returns nil and reports where the first bad byte is.
    static func read(path: String, displayPath: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let bytes = FileBytes.read(path) else {
            diagnostics.append(Diagnostic(path: displayPath, line: 1, column: 1, code: .unreadableFile))
            return nil
        }
        return decode(bytes, displayPath: displayPath, diagnostics: &diagnostics)
    }

    /// Decodes a file's bytes; on bad UTF-8 returns nil and reports where the first bad byte is.
    static func decode(_ bytes: [UInt8], displayPath: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8Position(in: bytes)
            diagnostics.append(Diagnostic(path: displayPath, line: line, column: column, code: .invalidUTF8))
            return nil
        }
        return SourceFile(path: displayPath, text: text)
    }

    init(path: String, text raw: String) {
        self.path = path
        var text = TextNormalizer.nfc(raw)
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text = String(text.utf8.dropFirst(3))! }
        self.text = text
        let (starts, ends) = Self.lineOffsets(text)
        (lineStarts, lineEnds) = (starts, ends)
        let isFence = { (number: Int) in TextNormalizer.trimmed(Self.line(number, of: text, starts, ends)) == "---" }
        if starts.count > 1, isFence(1), let close = (2...starts.count).first(where: isFence) {
            frontMatter = "\n" + (2..<close).map { Self.line($0, of: text, starts, ends) }.joined(separator: "\n")
            bodyStartLine = close + 1
        } else {
            frontMatter = nil
            bodyStartLine = 1
        }
    }

    /// Line `number` (1-based), without its line ending.
    func line(_ number: Int) -> Substring { Self.line(number, of: text, lineStarts, lineEnds) }

    private static func line(_ number: Int, of text: String, _ starts: [Int], _ ends: [Int]) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: starts[number - 1])
            ..< utf8.index(utf8.startIndex, offsetBy: ends[number - 1])]
    }

    /// Feeds the Markdown cmark should parse: one blank line per front matter line, then the body's bytes as
    /// they are (cmark knows `\n`, `\r\n` and `\r`, as `lineOffsets` does).
    func feedMarkdown(_ feed: (UnsafeBufferPointer<UInt8>) -> Void) {
        if bodyStartLine > 1 {
            Array(repeating: UInt8(ascii: "\n"), count: bodyStartLine - 1).withUnsafeBufferPointer(feed)
        }
        guard bodyStartLine <= lineCount else { return }
        var text = text
        text.withUTF8 { bytes in
            feed(UnsafeBufferPointer(rebasing: bytes[lineStarts[bodyStartLine - 1]...]))
        }
    }

    /// Where lines start and end, at the endings cmark knows (`\n`, `\r\n`, `\r`), so line numbers agree with it.
    static func lineOffsets(_ text: String) -> (starts: [Int], ends: [Int]) {
        var starts = [0], ends: [Int] = []
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x0A || byte == 0x0D else {
                    index += 1
                    continue
                }
                ends.append(index)
                index += 1
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                starts.append(index)
            }
            ends.append(bytes.count)
        }
        return (starts, ends)
    }

    /// Lines split at the endings cmark knows (`\n`, `\r\n`, `\r`).
    static func splitLines(_ text: String) -> [Substring] {
        let (starts, ends) = lineOffsets(text)
        return (1...starts.count).map { line($0, of: text, starts, ends) }
    }

    /// Source lines `from` up to, not including, `to` (1-based), joined and trimmed.
    func text(fromLine from: Int, toLine to: Int) -> String {
        let start = max(from, 1) - 1
        let end = min(max(to - 1, start), lineCount)
        guard start < end else { return "" }
        // Lines are spans of one string: the span between them is the source text itself.
        let utf8 = text.utf8
        return TextNormalizer.trimmed(text[utf8.index(utf8.startIndex, offsetBy: lineStarts[start])
            ..< utf8.index(utf8.startIndex, offsetBy: lineEnds[end - 1])])
    }

    /// The character column of a 1-based byte column on a 1-based line (cmark counts bytes).
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineCount, byteColumn > 1 else { return max(byteColumn, 1) }
        let text = self.line(line)
        let utf8 = text.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: min(byteColumn - 1, utf8.count))
        return text[..<end].count + 1
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
    static func firstInvalidUTF8Position(in bytes: [UInt8]) -> (line: Int, column: Int) {
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
