/// Where the engines get their words: UI strings live in `Content/strings/<locale>.yaml`, not in code.
public protocol Localizer: Sendable {
    /// The text for `key`, with `{0}`, `{1}` … replaced by `arguments`.
    func text(_ key: String, _ arguments: [String]) -> String
}

extension Localizer {
    public func text(_ key: String) -> String { text(key, []) }
}
