import Foundation
import LearningCore

/// Markdown rendered for a terminal from cmark-gfm's syntax tree, in the manner of glow: headings underlined,
/// emphasis and code styled, lists and task lists with their markers, block quotes with a bar, code indented,
/// tables drawn with box characters, links followed by their address. Lines are wrapped by display width, so
/// no line is wider than `width` columns. Styles (ANSI) only when `styled`; otherwise plain text.
public struct TerminalMarkdownRenderer: Sendable {
    /// Columns available.
    public var width: Int
    /// Whether ANSI styles are written.
    public var styled: Bool

    /// The narrowest width laid out; anything narrower is treated as this.
    static let minimumWidth = 20

    /// A renderer for `width` columns (at least 20), with ANSI styles when `styled`.
    public init(width: Int, styled: Bool) {
        self.width = max(width, Self.minimumWidth)
        self.styled = styled
    }

    /// `markdown` rendered as lines joined by line breaks (no trailing one).
    public func render(_ markdown: String) -> String {
        lines(markdown).joined(separator: "\n")
    }

    /// `markdown` rendered as lines.
    public func lines(_ markdown: String) -> [String] {
        let document = MarkdownDocument(TextNormalizer.nfc(markdown))
        return blocks(document.root.children, width: width)
    }

    // MARK: Blocks

    /// Sibling blocks, a blank line between them (none when `tight`, as between a tight list's paragraphs).
    private func blocks(_ nodes: [MarkdownNode], width: Int, tight: Bool = false) -> [String] {
        var result: [String] = []
        for node in nodes {
            let rendered = block(node, width: width)
            guard !rendered.isEmpty else { continue }
            if !result.isEmpty, !tight { result.append("") }
            result += rendered
        }
        return result
    }

    private func block(_ node: MarkdownNode, width: Int) -> [String] {
        switch node.kind {
        case .paragraph:
            return lines(of: wrap(inlines(node.children), width: width))
        case .heading:
            return heading(node, width: width)
        case .list:
            return list(node, width: width)
        case .blockQuote:
            let inner = blocks(node.children, width: width - 2)
            let bar = TerminalStyle.dim.apply("│", enabled: styled)
            return inner.map { $0.isEmpty ? bar : bar + " " + $0 }
        case .codeBlock:
            return codeBlock(node.literal ?? "", width: width)
        case .thematicBreak:
            return [TerminalStyle.dim.apply(String(repeating: "─", count: width), enabled: styled)]
        case .otherBlock where node.typeName == "table":
            return table(node, width: width)
        case .htmlBlock:
            return []
        default:
            return blocks(node.children, width: width)
        }
    }

    private func heading(_ node: MarkdownNode, width: Int) -> [String] {
        let runs = inlines(node.children).map { run in
            var run = run
            run.style.insert(.heading)
            return run
        }
        let wrapped = wrap(runs, width: width)
        var result = lines(of: wrapped)
        let level = node.headingLevel
        if level <= 2 {
            let underline = wrapped.map { TerminalText.width($0.map(\.text).joined()) }.max() ?? 0
            result.append(TerminalStyle.dim.apply(String(repeating: level == 1 ? "═" : "─", count: underline),
                                                  enabled: styled))
        }
        return result
    }

    private func list(_ node: MarkdownNode, width: Int) -> [String] {
        let items = node.children
        let markers: [String] = items.enumerated().map { index, item in
            if item.kind == .taskItem { return item.isChecked ? "[x]" : "[ ]" }
            return node.isOrderedList ? "\(node.listStart + index)." : "•"
        }
        let markerWidth = (markers.map { TerminalText.width($0) }.max() ?? 1) + 1
        var result: [String] = []
        for (index, item) in items.enumerated() {
            if index > 0, !node.isTightList { result.append("") }
            let inner = blocks(item.children, width: width - markerWidth, tight: node.isTightList)
            let marker = TerminalText.padded(markers[index], to: markerWidth)
            let indent = String(repeating: " ", count: markerWidth)
            for (line, text) in (inner.isEmpty ? [""] : inner).enumerated() {
                result.append(line == 0 ? marker + text : (text.isEmpty ? "" : indent + text))
            }
        }
        return result.map(trimmedRight)
    }

    private func codeBlock(_ literal: String, width: Int) -> [String] {
        var text = literal
        if text.hasSuffix("\n") { text.removeLast() }
        let indent = "    "
        let available = max(width - indent.count, 1)
        return text.components(separatedBy: "\n").flatMap { line -> [String] in
            let expanded = line.replacingOccurrences(of: "\t", with: "    ")
            return hardBreak(expanded, width: available).map {
                $0.isEmpty ? "" : indent + TerminalStyle.code.apply($0, enabled: styled)
            }
        }
    }

    // MARK: Tables

    private func table(_ node: MarkdownNode, width: Int) -> [String] {
        let rows = node.children.filter { $0.typeName == "table_row" || $0.typeName == "table_header" }
        guard !rows.isEmpty else { return [] }
        let isHeader = { (row: MarkdownNode) in row.typeName == "table_header" || row.isTableHeaderRow }
        let alignments = node.tableAlignments
        let columnCount = max(alignments.count, rows.map { $0.children.count }.max() ?? 0)
        // Each cell as runs; the header's in bold.
        let cells: [[[TerminalRun]]] = rows.map { row in
            let header = isHeader(row)
            var cells = row.children.map { cell in
                inlines(cell.children).map { run in
                    var run = run
                    if header { run.style.insert(.bold) }
                    return run
                }
            }
            while cells.count < columnCount { cells.append([]) }
            return cells
        }
        let natural = (0..<columnCount).map { column in
            max(1, cells.map { TerminalText.width($0[column].map(\.text).joined()) }.max() ?? 1)
        }
        let widths = columnWidths(natural, available: width - (3 * columnCount + 1))
        let border = { (left: String, middle: String, right: String) -> String in
            TerminalStyle.dim.apply(
                left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right,
                enabled: self.styled)
        }
        let bar = TerminalStyle.dim.apply("│", enabled: styled)
        var result = [border("┌", "┬", "┐")]
        for (rowIndex, row) in cells.enumerated() {
            let wrapped = (0..<columnCount).map { wrap(row[$0], width: widths[$0]) }
            let height = max(1, wrapped.map(\.count).max() ?? 1)
            for line in 0..<height {
                var text = bar
                for column in 0..<columnCount {
                    let pieces = line < wrapped[column].count ? wrapped[column][line] : []
                    let content = render(pieces)
                    let used = TerminalText.width(pieces.map(\.text).joined())
                    let gap = max(0, widths[column] - used)
                    let alignment = column < alignments.count ? alignments[column] : "l"
                    let before = alignment == "r" ? gap : alignment == "c" ? gap / 2 : 0
                    text += " " + String(repeating: " ", count: before) + content
                        + String(repeating: " ", count: gap - before) + " " + bar
                }
                result.append(text)
            }
            if rowIndex == 0, isHeader(rows[0]), cells.count > 1 { result.append(border("├", "┼", "┤")) }
        }
        result.append(border("└", "┴", "┘"))
        return result
    }

    /// Column widths that fit `available`: narrow columns keep their natural width, the rest share what is left.
    private func columnWidths(_ natural: [Int], available: Int) -> [Int] {
        guard natural.reduce(0, +) > available else { return natural }
        var widths = natural
        var remaining = max(available, natural.count)
        var left = natural.count
        for column in natural.indices.sorted(by: { natural[$0] < natural[$1] }) {
            let share = max(1, remaining / left)
            widths[column] = min(natural[column], share)
            remaining -= widths[column]
            left -= 1
        }
        return widths
    }

    // MARK: Inlines

    /// The inline content of a block as styled runs.
    private func inlines(_ nodes: [MarkdownNode], style: TerminalStyle = []) -> [TerminalRun] {
        var runs: [TerminalRun] = []
        for node in nodes {
            switch node.kind {
            case .text:
                runs.append(TerminalRun(text: node.literal ?? "", style: style))
            case .code:
                runs.append(TerminalRun(text: node.literal ?? "", style: style.union(.code)))
            case .softBreak:
                runs.append(TerminalRun(text: " ", style: style))
            case .lineBreak:
                runs.append(TerminalRun(text: "", style: style, isLineBreak: true))
            case .emphasis:
                runs += inlines(node.children, style: style.union(.italic))
            case .strong:
                runs += inlines(node.children, style: style.union(.bold))
            case .link:
                let text = inlines(node.children, style: style.union(.link))
                runs += text
                let url = node.url ?? ""
                let shown = text.map(\.text).joined()
                if !url.isEmpty, url != shown, url != "mailto:" + shown {
                    runs.append(TerminalRun(text: " (" + url + ")", style: style.union(.dim)))
                }
            case .image:
                let alt = node.plainText
                runs.append(TerminalRun(text: "[" + (alt.isEmpty ? "🖼" : alt) + "]", style: style.union(.italic)))
                if let url = node.url, !url.isEmpty {
                    runs.append(TerminalRun(text: " (" + url + ")", style: style.union(.dim)))
                }
            case .htmlInline:
                continue
            default:
                guard node.typeName == "strikethrough" else {
                    runs += inlines(node.children, style: style)
                    continue
                }
                // Without styles the strike would be lost, and the words read as if meant: keep GFM's tildes.
                let mark = styled ? [] : [TerminalRun(text: "~~", style: style)]
                runs += mark + inlines(node.children, style: style.union(.strikethrough)) + mark
            }
        }
        return runs
    }

    // MARK: Wrapping

    /// A word: the pieces between two spaces, possibly in several styles (`**bold**,`).
    private struct Word {
        var pieces: [TerminalRun] = []
        var width = 0
    }

    /// Runs wrapped to `width` columns; each line a list of pieces. Words stay whole unless wider than a line.
    func wrap(_ runs: [TerminalRun], width: Int) -> [[TerminalRun]] {
        let width = max(width, 1)
        var lines: [[TerminalRun]] = []
        var line: [TerminalRun] = []
        var lineWidth = 0
        var word = Word()

        func endLine() {
            lines.append(line)
            line = []
            lineWidth = 0
        }
        func place(_ word: Word) {
            guard !word.pieces.isEmpty else { return }
            let needed = lineWidth == 0 ? word.width : lineWidth + 1 + word.width
            if needed <= width {
                if lineWidth > 0 { line.append(TerminalRun(text: " ", style: [])) }
                line += word.pieces
                lineWidth = needed
                return
            }
            if lineWidth > 0 { endLine() }
            if word.width <= width {
                line = word.pieces
                lineWidth = word.width
                return
            }
            // Longer than a line (a long address): broken by characters.
            for piece in word.pieces {
                for character in piece.text {
                    let columns = TerminalText.width(String(character))
                    if lineWidth + columns > width, lineWidth > 0 { endLine() }
                    if let last = line.last, last.style == piece.style, !last.isLineBreak {
                        line[line.count - 1].text.append(character)
                    } else {
                        line.append(TerminalRun(text: String(character), style: piece.style))
                    }
                    lineWidth += columns
                }
            }
        }
        func addToWord(_ text: Substring, _ style: TerminalStyle) {
            guard !text.isEmpty else { return }
            if let last = word.pieces.last, last.style == style {
                word.pieces[word.pieces.count - 1].text += text
            } else {
                word.pieces.append(TerminalRun(text: String(text), style: style))
            }
            word.width += TerminalText.width(text)
        }

        for run in runs {
            if run.isLineBreak {
                place(word)
                word = Word()
                endLine()
                continue
            }
            var rest = Substring(run.text)
            while let space = rest.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                addToWord(rest[..<space], run.style)
                place(word)
                word = Word()
                rest = rest[rest.index(after: space)...]
            }
            addToWord(rest, run.style)
        }
        place(word)
        if lineWidth > 0 || !line.isEmpty { endLine() }
        return lines
    }

    private func lines(of wrapped: [[TerminalRun]]) -> [String] {
        wrapped.map(render)
    }

    /// One line's pieces as text, styled when enabled.
    private func render(_ pieces: [TerminalRun]) -> String {
        // Words in one style are joined with the spaces between them, so a bold or linked phrase is one span
        // (an underline runs under its spaces too).
        var merged: [TerminalRun] = []
        for (index, piece) in pieces.enumerated() {
            if let last = merged.last, last.style == piece.style {
                merged[merged.count - 1].text += piece.text
            } else if piece.text == " ", piece.style.isEmpty, let last = merged.last, index + 1 < pieces.count,
                      pieces[index + 1].style == last.style {
                merged[merged.count - 1].text += " "
            } else {
                merged.append(piece)
            }
        }
        return merged.map { $0.style.apply($0.text, enabled: styled) }.joined()
    }

    /// A line cut into pieces of at most `width` columns (code is not re-flowed).
    private func hardBreak(_ line: String, width: Int) -> [String] {
        var result: [String] = []
        var current = ""
        var used = 0
        for character in line {
            let columns = TerminalText.width(String(character))
            if used + columns > width, used > 0 {
                result.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += columns
        }
        result.append(current)
        return result
    }

    private func trimmedRight(_ text: String) -> String {
        var text = text
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
