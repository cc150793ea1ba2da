import CMarkGFM
import Foundation
import LearningCore

/// A Markdown text parsed by cmark-gfm with the GFM extensions (table, strikethrough, autolink, tasklist).
/// Owns the syntax tree; nodes borrowed from it live as long as the document.
final class MarkdownDocument {
    let root: MarkdownNode
    private let parser: OpaquePointer
    private let rootPointer: OpaquePointer

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Safe HTML: raw HTML is replaced by a comment and `javascript:`, `vbscript:`, `file:` and most `data:`
    /// URLs are emptied (cmark's default without `CMARK_OPT_UNSAFE`).
    static let renderOptions: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG

    /// Parses a Markdown text.
    convenience init(_ text: String) {
        var text = text
        self.init(feeding: { feed in text.withUTF8(feed) })
    }

    /// Parses a course file's Markdown as `SourceFile` feeds it, without copying it into one string first.
    convenience init(_ source: SourceFile) {
        self.init(feeding: source.feedMarkdown)
    }

    private init(feeding: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS
        let parser = cmark_parser_new(options)!
        for extensionPointer in Self.extensions {
            cmark_parser_attach_syntax_extension(parser, extensionPointer)
        }
        feeding { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        self.parser = parser
        rootPointer = cmark_parser_finish(parser)
        root = MarkdownNode(pointer: rootPointer)
    }

    /// The extensions, looked up once: `cmark_find_syntax_extension` walks cmark's registry by name. The
    /// registry's entries are never changed after registration, so sharing the pointers across threads is safe.
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.compactMap { cmark_find_syntax_extension($0) }
    }()

    deinit {
        cmark_node_free(rootPointer)
        cmark_parser_free(parser)
    }

    /// Safe HTML of a node and everything below it.
    func html(of node: MarkdownNode) -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let rendered = cmark_render_html(node.pointer, Self.renderOptions, extensions) else { return "" }
        defer { free(rendered) }
        let html = String(cString: rendered)
        // Looked for in the C string: Foundation's `contains` on a String was a tenth of loading a course.
        return strstr(rendered, Self.taskBox) == nil ? html : Self.taskBoxesHidden(html)
    }

    /// How cmark-gfm starts a task list item's box.
    private static let taskBox = "<input type=\"checkbox\""

    /// cmark-gfm draws a task list item's box ("- [ ] …") as a disabled checkbox without a label (axe-core's
    /// "label", WCAG 1.3.1 and 4.1.2). In a lesson it is the picture of a box to tick on paper, not a control:
    /// hidden from screen readers, which read the item's text.
    static func taskBoxesHidden(_ html: String) -> String {
        guard html.contains("<input type=\"checkbox\"") else { return html }
        return html
            .replacingOccurrences(of: "<input type=\"checkbox\" disabled=\"\" />",
                                  with: "<input type=\"checkbox\" disabled=\"\" aria-hidden=\"true\" />")
            .replacingOccurrences(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                                  with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-hidden=\"true\" />")
    }

    /// Safe HTML of several sibling blocks.
    func html(of nodes: [MarkdownNode]) -> String {
        nodes.map { html(of: $0) }.joined()
    }

    /// Safe HTML of a paragraph's or heading's inlines, without the enclosing block tag.
    func inlineHTML(of node: MarkdownNode) -> String {
        let rendered = TextNormalizer.trimmed(html(of: node))
        // "<p>…</p>": drop the first tag and the last one.
        guard rendered.hasPrefix("<"), let open = rendered.firstIndex(of: ">"),
              let close = rendered.lastIndex(of: "<"), close > open
        else { return rendered }
        return String(rendered[rendered.index(after: open)..<close])
    }
}
