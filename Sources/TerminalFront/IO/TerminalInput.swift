/// Where a terminal session reads what the person types: standard input (a terminal or a pipe), or a script in
/// tests. Every method returns nil at the end of input.
public protocol TerminalInput: AnyObject {
    /// Whether a person types at a terminal (which echoes what they type). When not, the session writes each
    /// line it reads after its prompt, so a transcript of a piped session reads as a dialogue.
    var isInteractive: Bool { get }
    /// One line, without its line break.
    func readLine() -> String?
    /// One line typed without echo on a terminal (a PIN); a plain line over a pipe.
    func readSecret() -> String?
    /// One key on a terminal (Space, Enter, `b`, `q` while paging, without Enter); over a pipe, the first
    /// character of the next line, or "\n" for an empty line.
    func readKey() -> Character?
}

/// Where a terminal session writes.
public protocol TerminalOutput: AnyObject {
    /// Writes `text` as is (the session adds line breaks).
    func write(_ text: String)
    /// Whether ANSI styles may be used: a terminal, and `NO_COLOR` unset.
    var stylesEnabled: Bool { get }
    /// Columns to wrap to.
    var columns: Int { get }
    /// Lines per page when the output is a terminal; nil over a pipe (lessons are then printed whole).
    var pageLines: Int? { get }
}
