public import Foundation
public import LearningCore
import Yams

/// The UI strings of one locale, read from `Content/strings/<locale>.yaml` (nested keys joined by dots).
/// A missing key shows as the key itself, so a gap is visible rather than silent.
public struct MessageCatalog: Localizer {
    private let entries: [String: String]

    public init(entries: [String: String]) {
        self.entries = entries
    }

    /// Loads `strings/<locale>.yaml` below a `Content/` folder.
    public init(contentDirectory: URL, locale: String = "vi") throws {
        let file = contentDirectory.appendingPathComponent("strings/\(locale).yaml")
        try self.init(yaml: try String(contentsOf: file, encoding: .utf8))
    }

    /// Parses the text of a strings file.
    public init(yaml text: String) throws {
        var flat: [String: String] = [:]
        if let root = try Yams.compose(yaml: text) {
            Self.flatten(root, prefix: "", into: &flat)
        }
        entries = flat
    }

    /// An empty catalogue: every message shows as its key.
    public static let keysOnly = MessageCatalog(entries: [:])

    /// The Vietnamese strings built into the program (`BundledMessages`, a copy of `Content/strings/vi.yaml`):
    /// what a command says when `Content/` cannot be found or read.
    public static let bundled: MessageCatalog = (try? MessageCatalog(yaml: BundledMessages.vietnamese)) ?? .keysOnly

    /// Whether the catalogue has that key.
    public func contains(_ key: String) -> Bool { entries[key] != nil }

    /// The text for `key`, with `{0}`, `{1}` … replaced by `arguments`.
    public func text(_ key: String, _ arguments: [String] = []) -> String {
        guard var template = entries[key] else {
            return arguments.isEmpty ? key : "\(key) (\(arguments.joined(separator: ", ")))"
        }
        for (index, argument) in arguments.enumerated() {
            template = template.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return template
    }

    private static func flatten(_ node: Node, prefix: String, into flat: inout [String: String]) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = prefix.isEmpty ? key.string ?? "" : "\(prefix).\(key.string ?? "")"
                flatten(value, prefix: name, into: &flat)
            }
        case .scalar(let scalar):
            flat[prefix] = scalar.string.precomposedStringWithCanonicalMapping
        default:
            break
        }
    }
}
