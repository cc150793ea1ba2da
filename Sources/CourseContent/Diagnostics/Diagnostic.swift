import Foundation
/// One problem found in a course file, at a position an author can go to.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// Path of the file as given to the loader (relative when the folder was).
    public var path: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in characters as a reader counts them.
    public var column: Int
    public var code: DiagnosticCode
    /// Values that fill the message's placeholders `{0}`, `{1}` …
    public var arguments: [String]

    public init(path: String, line: Int, column: Int, code: DiagnosticCode, arguments: [String] = []) {
        self.path = path
        self.line = line
        self.column = column
        self.code = code
        self.arguments = arguments
    }

    public var severity: Severity { code.severity }

    /// `path:line:column: lỗi: message [code]`, with the message from `messages`; with `strict`, a warning is
    /// labelled as the error it then is (`hoctap check --strict`).
    public func formatted(with messages: MessageCatalog, strict: Bool = false) -> String {
        let label = messages.text(severity == .error || strict ? "diagnostic.error" : "diagnostic.warning")
        let message = messages.text("diagnostics.\(code.rawValue)", arguments)
        return "\(path):\(line):\(column): \(label): \(message) [\(code.rawValue)]"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.code.rawValue) < (rhs.path, rhs.line, rhs.column, rhs.code.rawValue)
    }
}
