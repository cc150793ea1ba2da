import CourseContent
import Foundation

/// "Đang mã hoá mã PIN: 350/1000" on standard error while an import hashes PINs (or another count of `key`, such
/// as a copy's rows), rewritten in place; only when standard error is a terminal, so logs and pipes stay clean.
final class PINProgress: @unchecked Sendable {
    private let messages: MessageCatalog
    /// The message shown, with the count done and the total.
    private let key: String
    private let lock = NSLock()
    private var shown = -1
    private var lastTime = ContinuousClock.now
    private var started = false

    /// A progress line, or nil when standard error is not a terminal.
    init?(_ messages: MessageCatalog, key: String = "cli.pin_progress", isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        guard isTerminal else { return nil }
        self.messages = messages
        self.key = key
    }

    /// Shows `done` of `total`, at most about ten times a second (and always the last one).
    func show(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard done > shown, done == total || now - lastTime >= .milliseconds(100) else { return }
        shown = done
        lastTime = now
        started = true
        FileHandle.standardError.write(Data(("\r" + messages.text(key, [String(done), String(total)]))
            .utf8))
    }

    /// Ends the progress line, if one was shown.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if started { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
