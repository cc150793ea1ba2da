import CMarkGFM

/// A borrowed node of a `MarkdownDocument`'s tree.
struct MarkdownNode {
    let pointer: OpaquePointer

    enum Kind: Equatable {
        case document, blockQuote, list, item, taskItem, codeBlock, htmlBlock, paragraph, heading
        case thematicBreak, table, text, softBreak, lineBreak, code, htmlInline, emphasis, strong
        case link, image, other(String)
    }

    var kind: Kind {
        let name = cmark_node_get_type_string(pointer).map { String(cString: $0) } ?? ""
        switch name {
        case "document": return .document
        case "block_quote": return .blockQuote
        case "list": return .list
        case "item": return .item
        case "tasklist": return .taskItem
        case "code_block": return .codeBlock
        case "html_block": return .htmlBlock
        case "paragraph": return .paragraph
        case "heading": return .heading
        case "thematic_break": return .thematicBreak
        case "table": return .table
        case "text": return .text
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "code": return .code
        case "html_inline": return .htmlInline
        case "emph": return .emphasis
        case "strong": return .strong
        case "link": return .link
        case "image": return .image
        default: return .other(name)
        }
    }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            result.append(MarkdownNode(pointer: current))
            child = cmark_node_next(current)
        }
        return result
    }

    /// 1-based line where the node starts (in the text given to the parser).
    var line: Int { positioned.startLine }
    /// 1-based byte column where the node starts.
    var byteColumn: Int { positioned.startColumn }

    /// cmark leaves some inlines (in table cells, for one) without a position: use the nearest ancestor's.
    private var positioned: (startLine: Int, startColumn: Int) {
        var node: OpaquePointer? = pointer
        while let current = node {
            let line = Int(cmark_node_get_start_line(current))
            if line > 0 { return (line, max(Int(cmark_node_get_start_column(current)), 1)) }
            node = cmark_node_parent(current)
        }
        return (1, 1)
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isChecked: Bool { cmark_gfm_extensions_get_tasklist_item_checked(pointer) }

    var literal: String? {
        cmark_node_get_literal(pointer).map { String(cString: $0) }
    }

    func setLiteral(_ text: String) {
        cmark_node_set_literal(pointer, text)
    }

    /// URL of a link or image.
    var url: String? {
        cmark_node_get_url(pointer).map { String(cString: $0) }
    }

    /// The text a reader sees, without markup; soft and hard breaks read as spaces.
    var plainText: String {
        switch kind {
        case .text, .code: return literal ?? ""
        case .softBreak, .lineBreak: return " "
        case .htmlInline: return ""
        default:
            let inner = children.map(\.plainText)
            return isBlock ? inner.joined(separator: " ") : inner.joined()
        }
    }

    /// Every node below this one, depth first.
    var descendants: [MarkdownNode] {
        children.flatMap { [$0] + $0.descendants }
    }

    private var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .taskItem, .table: return true
        default: return false
        }
    }
}
