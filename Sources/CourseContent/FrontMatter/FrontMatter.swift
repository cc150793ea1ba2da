import Foundation
import LearningCore
import Yams

/// The YAML front matter of one course file, read key by key. Every problem (syntax, unknown key, missing key,
/// wrong type) becomes a diagnostic at the key's or value's position; reading never throws.
struct FrontMatter {
    private struct Entry {
        let key: String
        let keyLine: Int
        let keyColumn: Int
        let value: Node
    }

    private let source: SourceFile
    private var entries: [String: Entry] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses the file's front matter, checking keys against `allowed` and `required`.
    init(source: SourceFile, allowed: Set<String>, required: [String]) {
        self.source = source
        guard let yaml = source.frontMatter else {
            diagnostics.append(source.diagnostic(line: 1, column: 1, .missingFrontMatter))
            return
        }
        let root: Node?
        do {
            // Scalars are read as text, so the basic resolver (no regular expressions) is enough; naming the
            // encoding spares Yams a look at the environment on every file.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            let (line, column) = Self.position(of: error)
            diagnostics.append(source.diagnostic(line: line, column: column, .yamlSyntax, [Self.problem(of: error)]))
            return
        }
        guard let root, root.mapping != nil else {
            diagnostics.append(source.diagnostic(line: 2, column: 1, .yamlSyntax, ["key: value"]))
            return
        }
        load(root, allowed: allowed, required: required, requiredAt: (1, 1))
    }

    /// Reads a nested mapping (a lesson's `check:`) with the same rules.
    init(source: SourceFile, node: Node, allowed: Set<String>) {
        self.source = source
        guard node.mapping != nil else {
            let line = node.mark?.line ?? 1
            diagnostics.append(source.diagnostic(line: line, column: node.mark?.column ?? 1, .invalidValue,
                                                 ["check", "key: value"]))
            return
        }
        load(node, allowed: allowed, required: [], requiredAt: (1, 1))
    }

    private mutating func load(_ root: Node, allowed: Set<String>, required: [String], requiredAt: (Int, Int)) {
        guard let mapping = root.mapping else { return }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line ?? 1
            let column = keyNode.mark?.column ?? 1
            if !allowed.contains(key) {
                diagnostics.append(source.diagnostic(line: line, column: column, .unknownKey, [key]))
                continue
            }
            entries[key] = Entry(key: key, keyLine: line, keyColumn: column, value: value)
        }
        for key in required where entries[key] == nil {
            diagnostics.append(source.diagnostic(line: requiredAt.0, column: requiredAt.1, .missingKey, [key]))
        }
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    /// A non-empty string, NFC.
    mutating func string(_ key: String) -> String? {
        guard let entry = entries[key] else { return nil }
        guard let text = entry.value.scalar.map({ TextNormalizer.trimmed($0.string) }),
              !text.isEmpty
        else {
            invalid(entry, expected: "text")
            return nil
        }
        return TextNormalizer.nfc(text)
    }

    /// A whole number within `range`; out of range reports `rangeCode` (or `invalid-value`).
    mutating func int(_ key: String, in range: ClosedRange<Int>, rangeCode: DiagnosticCode = .invalidValue) -> Int? {
        guard let entry = entries[key] else { return nil }
        guard let number = entry.value.scalar.flatMap({ Int($0.string) }) else {
            invalid(entry, expected: "\(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        guard range.contains(number) else {
            let (line, column) = valuePosition(entry)
            diagnostics.append(source.diagnostic(
                line: line, column: column, rangeCode,
                rangeCode == .invalidValue
                    ? [key, "\(range.lowerBound)–\(range.upperBound)"] : [String(number)]))
            return nil
        }
        return number
    }

    /// `true`/`false` (also `có`/`không`).
    mutating func bool(_ key: String) -> Bool? {
        guard let entry = entries[key] else { return nil }
        switch entry.value.scalar?.string.lowercased() {
        case "true", "yes", "có": return true
        case "false", "no", "không": return false
        default:
            invalid(entry, expected: "true | false")
            return nil
        }
    }

    /// A list of scalars (a single scalar counts as a list of one), each with its position.
    mutating func list(_ key: String) -> [(text: String, line: Int, column: Int)]? {
        guard let entry = entries[key] else { return nil }
        let nodes: [Node]
        if let sequence = entry.value.sequence {
            nodes = Array(sequence)
        } else if entry.value.scalar != nil {
            nodes = [entry.value]
        } else {
            invalid(entry, expected: "[a, b]")
            return nil
        }
        var items: [(text: String, line: Int, column: Int)] = []
        for node in nodes {
            guard let text = node.scalar?.string else {
                invalid(entry, expected: "[a, b]")
                return nil
            }
            items.append((TextNormalizer.nfc(text),
                          node.mark?.line ?? entry.keyLine, node.mark?.column ?? entry.keyColumn))
        }
        return items
    }

    /// The mapping under `key` as raw nodes, for nested settings (`check:` in a lesson).
    func nested(_ key: String) -> Node? { entries[key]?.value }

    /// Position of a key's value.
    func position(of key: String) -> (line: Int, column: Int) {
        guard let entry = entries[key] else { return (1, 1) }
        return valuePosition(entry)
    }

    /// Position of a nested key's value (`draw` under `check`), or of the parent when absent.
    func position(of key: String, under parent: String) -> (line: Int, column: Int) {
        guard let node = entries[parent]?.value.mapping?.first(where: { $0.key.string == key })?.value,
              let mark = node.mark
        else { return position(of: parent) }
        return (mark.line, mark.column)
    }

    mutating func report(_ code: DiagnosticCode, at key: String, _ arguments: [String]) {
        let (line, column) = position(of: key)
        diagnostics.append(source.diagnostic(line: line, column: column, code, arguments))
    }

    mutating func report(_ code: DiagnosticCode, line: Int, column: Int, _ arguments: [String]) {
        diagnostics.append(source.diagnostic(line: line, column: column, code, arguments))
    }

    private mutating func invalid(_ entry: Entry, expected: String) {
        let (line, column) = valuePosition(entry)
        diagnostics.append(source.diagnostic(line: line, column: column, .invalidValue, [entry.key, expected]))
    }

    private func valuePosition(_ entry: Entry) -> (Int, Int) {
        (entry.value.mark?.line ?? entry.keyLine, entry.value.mark?.column ?? entry.keyColumn)
    }

    private static func position(of error: any Error) -> (Int, Int) {
        guard let yamlError = error as? YamlError else { return (1, 1) }
        switch yamlError {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return (mark.line, mark.column)
        default:
            return (1, 1)
        }
    }

    private static func problem(of error: any Error) -> String {
        guard let yamlError = error as? YamlError else { return "\(error)" }
        switch yamlError {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(yamlError)"
        }
    }
}
