import Foundation

/// Input from a list of lines, as a script piped to `hoctap learn` would give it; nil once they run out.
public final class ScriptedInput: TerminalInput, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]
    /// Not a terminal: the session writes back each line it reads, so the transcript shows the answers.
    public let isInteractive = false

    /// Input that gives `lines`, one per read, then nil.
    public init(_ lines: [String]) {
        self.lines = lines
    }

    /// Lines not read yet.
    public var remaining: [String] { lock.withLock { lines } }

    public func readLine() -> String? {
        lock.withLock { lines.isEmpty ? nil : lines.removeFirst() }
    }

    public func readSecret() -> String? {
        readLine()
    }

    public func readKey() -> Character? {
        guard let line = readLine() else { return nil }
        return line.first ?? "\n"
    }
}

/// Output collected in memory (tests), with a fixed width and no styles unless asked.
public final class CapturedOutput: TerminalOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    /// Whether the session may write ANSI styles.
    public let stylesEnabled: Bool
    /// The width to wrap to.
    public let columns: Int
    /// Lines per page, as on a terminal; nil to write lessons whole, as into a pipe.
    public let pageLines: Int?

    /// An empty buffer of that shape.
    public init(columns: Int = 80, stylesEnabled: Bool = false, pageLines: Int? = nil) {
        self.columns = columns
        self.stylesEnabled = stylesEnabled
        self.pageLines = pageLines
    }

    public func write(_ text: String) {
        lock.withLock { buffer += text }
    }

    /// Everything written so far.
    public var text: String { lock.withLock { buffer } }
}
