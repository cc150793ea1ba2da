import CMarkGFM
import Foundation

/// What the terminal renderer reads of a node beyond what the loader needs: extension node names, list shape,
/// table layout.
extension MarkdownNode {
    /// cmark's name of the node type (`table`, `table_row`, `table_cell`, `strikethrough` …).
    var typeName: String {
        cmark_node_get_type_string(pointer).map { String(cString: $0) } ?? ""
    }

    /// Whether a list is ordered (`1.`) rather than bulleted.
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }

    /// The number of an ordered list's first item.
    var listStart: Int { max(Int(cmark_node_get_list_start(pointer)), 0) }

    /// Whether a list is tight (no blank lines between its items).
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }

    /// Whether a table row is the header row.
    var isTableHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }

    /// Column alignments of a table: `l`, `c`, `r`, or nothing (left).
    var tableAlignments: [Character] {
        let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard count > 0, let raw = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
        return (0..<count).map { raw[$0] == 0 ? "l" : Character(UnicodeScalar(raw[$0])) }
    }
}
