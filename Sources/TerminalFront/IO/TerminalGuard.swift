import CourseContent
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the terminal usable: saves its settings before the PIN or a paging key is read without echo, puts
/// them back after, and on Ctrl-C (SIGINT) or SIGTERM puts them back, says what happened to the quiz in
/// progress, and exits. Answers are saved as they are given, so leaving at any moment loses nothing.
public enum TerminalGuard {
    /// Whether a recorded quiz is being answered (chooses the line written on Ctrl-C); a single flag written by
    /// the session and only read by the handler.
    nonisolated(unsafe) private static var quizInProgress = false

    // Read by the signal handler, which may only call async-signal-safe functions: so plain C memory, set up
    // before the handler is installed and never freed.
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false
    nonisolated(unsafe) private static var quizLine: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) private static var plainLine: UnsafeMutableBufferPointer<UInt8>?

    /// Marks whether a recorded quiz is being answered.
    public static func setQuizInProgress(_ value: Bool) {
        quizInProgress = value
    }

    /// Installs the Ctrl-C and SIGTERM handler with the lines it writes (in the person's language): one when a
    /// quiz is in progress, one otherwise. Exits with 130 (Ctrl-C) or 143 (SIGTERM).
    public static func installInterruptHandler(quizLine: String, plainLine: String, columns: Int = 80) {
        let wrap = { (line: String) in TerminalText.wrap(line, width: max(columns - 1, 20)).joined(separator: "\n") }
        Self.quizLine = buffer("\n" + wrap(quizLine) + "\n")
        Self.plainLine = buffer("\n" + wrap(plainLine) + "\n")
        saveSettings()
        let handler: @convention(c) (Int32) -> Void = { signal in
            TerminalGuard.restoreSettings()
            let line = TerminalGuard.quizInProgress ? TerminalGuard.quizLine : TerminalGuard.plainLine
            if let line, let base = line.baseAddress { _ = write(STDERR_FILENO, base, line.count) }
            _exit(128 + signal)
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }

    /// Saves the terminal's settings (once), to restore after reads without echo and on exit.
    static func saveSettings() {
        guard !hasSaved, isatty(STDIN_FILENO) == 1 else { return }
        if tcgetattr(STDIN_FILENO, &saved) == 0 { hasSaved = true }
    }

    /// Puts the saved settings back.
    public static func restoreSettings() {
        guard hasSaved else { return }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }

    /// Runs `body` with echo and canonical (line) mode as given, then restores the saved settings.
    static func withMode<T>(echo: Bool, canonical: Bool, _ body: () -> T) -> T {
        saveSettings()
        guard hasSaved else { return body() }
        var mode = saved
        if !echo { mode.c_lflag &= ~tcflag_t(ECHO) }
        if !canonical {
            mode.c_lflag &= ~tcflag_t(ICANON)
            withUnsafeMutableBytes(of: &mode.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
        }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &mode)
        defer { restoreSettings() }
        return body()
    }

    private static func buffer(_ text: String) -> UnsafeMutableBufferPointer<UInt8> {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        return buffer
    }
}
