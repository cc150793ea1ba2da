public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input and output: a terminal or pipes. On a terminal the PIN is read without echo and paging keys
/// without Enter; the terminal's settings are saved first and put back after every read, at exit and on Ctrl-C
/// (`TerminalGuard`). Over pipes plain lines are read and nothing terminal-only is written.
public final class StandardTerminal: TerminalInput, TerminalOutput, @unchecked Sendable {
    /// Whether standard input is a terminal (else a pipe or file).
    public let inputIsTerminal: Bool
    /// Whether standard output is a terminal.
    public let outputIsTerminal: Bool
    private let environment: [String: String]

    /// Standard input and output, with `NO_COLOR`, `COLUMNS` and `LINES` read from `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        inputIsTerminal = isatty(STDIN_FILENO) == 1
        outputIsTerminal = isatty(STDOUT_FILENO) == 1
        self.environment = environment
        if inputIsTerminal { TerminalGuard.saveSettings() }
    }

    // MARK: Output

    public func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public var stylesEnabled: Bool {
        outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    public var columns: Int {
        if outputIsTerminal, let size = Self.windowSize(), size.columns > 0 { return size.columns }
        if let value = environment["COLUMNS"].flatMap(Int.init), value > 0 { return value }
        return 80
    }

    public var pageLines: Int? {
        guard outputIsTerminal, inputIsTerminal else { return nil }
        if let size = Self.windowSize(), size.rows > 4 { return size.rows - 2 }
        if let value = environment["LINES"].flatMap(Int.init), value > 4 { return value - 2 }
        return 22
    }

    /// The terminal's size from `ioctl(TIOCGWINSZ)`.
    static func windowSize() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    // MARK: Input

    public var isInteractive: Bool { inputIsTerminal }

    public func readLine() -> String? {
        Swift.readLine(strippingNewline: true).map(Self.withoutCarriageReturn)
    }

    public func readSecret() -> String? {
        guard inputIsTerminal else { return readLine() }
        return TerminalGuard.withMode(echo: false, canonical: true) {
            Swift.readLine(strippingNewline: true).map(Self.withoutCarriageReturn)
        }.map { line in
            write("\n")
            return line
        }
    }

    /// Writes `prompt`, then reads a line as `readSecret` does; on a terminal echo is off before the prompt
    /// shows, so nothing typed as soon as it appears is echoed.
    public func readSecret(after prompt: String) -> String? {
        guard inputIsTerminal else {
            write(prompt)
            return readLine()
        }
        return TerminalGuard.withMode(echo: false, canonical: true) { () -> String? in
            write(prompt)
            return Swift.readLine(strippingNewline: true).map(Self.withoutCarriageReturn)
        }.map { line in
            write("\n")
            return line
        }
    }

    public func readKey() -> Character? {
        guard inputIsTerminal else {
            guard let line = readLine() else { return nil }
            return line.first ?? "\n"
        }
        return TerminalGuard.withMode(echo: false, canonical: false) { () -> Character? in
            var bytes: [UInt8] = []
            var byte: UInt8 = 0
            while read(STDIN_FILENO, &byte, 1) == 1 {
                if byte == 4, bytes.isEmpty { return nil }  // Ctrl-D
                bytes.append(byte)
                if let text = String(validating: bytes, as: UTF8.self), let first = text.first { return first }
                if bytes.count >= 4 { return "?" }
            }
            return nil
        }
    }

    private static func withoutCarriageReturn(_ line: String) -> String {
        line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}
