import Foundation

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
    /// The body's Markdown source alone (for the terminal front).
    let body: String
    /// 1-based line where the body starts (after the front matter).
    let bodyStartLine: Int

    /// Reads and decodes a file; on bad UTF-8 returns nil and reports where the first bad byte is.
    static func read(url: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            diagnostics.append(Diagnostic(path: displayPath, line: 1, column: 1, code: .unreadableFile))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8Position(in: data)
            diagnostics.append(Diagnostic(path: displayPath, line: line, column: column, code: .invalidUTF8))
            return nil
        }
        return SourceFile(path: displayPath, text: text)
    }

    init(path: String, text raw: String) {
        self.path = path
        var text = raw.precomposedStringWithCanonicalMapping
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.lines = lines
        if lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true,
           let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) {
            frontMatter = ([""] + lines[1..<close]).joined(separator: "\n")
            let bodyLines = lines[(close + 1)...]
            markdown = (Array(repeating: "", count: close + 1) + bodyLines.map(String.init)).joined(separator: "\n")
            body = bodyLines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            bodyStartLine = close + 2
        } else {
            frontMatter = nil
            markdown = text
            body = text.trimmingCharacters(in: .whitespacesAndNewlines)
            bodyStartLine = 1
        }
    }

    /// Source lines `from` up to, not including, `to` (1-based), joined and trimmed.
    func text(fromLine from: Int, toLine to: Int) -> String {
        let start = max(from, 1) - 1
        let end = min(max(to - 1, start), lines.count)
        return lines[start..<end].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
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
