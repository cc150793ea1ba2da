import CMarkGFM
import Foundation

/// A borrowed node of a `MarkdownDocument`'s tree.
struct MarkdownNode {
    let pointer: OpaquePointer

    enum Kind: Equatable {
        case document, blockQuote, list, item, taskItem, codeBlock, htmlBlock, paragraph, heading
        case thematicBreak, text, softBreak, lineBreak, code, htmlInline, emphasis, strong
        case link, image
        /// Extension blocks (table, table row and cell) and anything else.
        case otherBlock
        /// Extension inlines (strikethrough) and anything else.
        case otherInline
    }

    /// Read from cmark's numeric node type; only list items ask for the type name (a task item's comes from
    /// the tasklist extension).
    var kind: Kind {
        let type = cmark_node_get_type(pointer)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM:
            guard let name = cmark_node_get_type_string(pointer) else { return .item }
            return strcmp(name, "tasklist") == 0 ? .taskItem : .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default:
            return type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
                ? .otherBlock : .otherInline
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

    /// Calls `visit` on every node below this one, depth first, without building arrays.
    func forEachDescendant(_ visit: (MarkdownNode) -> Void) {
        var child = cmark_node_first_child(pointer)
        while let current = child {
            let node = MarkdownNode(pointer: current)
            visit(node)
            node.forEachDescendant(visit)
            child = cmark_node_next(current)
        }
    }

    private var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .taskItem, .otherBlock: return true
        default: return false
        }
    }
}
