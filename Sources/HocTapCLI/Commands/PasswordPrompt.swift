import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import TerminalFront

/// Reads a new staff password at the console. On a terminal it is typed twice without echo ("Mật khẩu:",
/// "Nhập lại mật khẩu:"), checked against the password rule after the first time, and refused when the two
/// differ; Ctrl-C puts the terminal back and changes nothing. Otherwise (a script) it is the first line of
/// standard input. Never an argument or an environment variable, which other users of the machine can read.
struct PasswordPrompt {
    let messages: MessageCatalog

    /// The password, or a Vietnamese line on standard error and a non-zero exit.
    func read() throws -> String {
        let terminal = StandardTerminal()
        guard terminal.inputIsTerminal else {
            guard let line = Swift.readLine(strippingNewline: true) else {
                printError(messages.text("cli.staff_password_missing"))
                throw ExitCode(1)
            }
            return line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        let cancelled = messages.text("cli.staff_cancelled")
        TerminalGuard.installInterruptHandler(quizLine: cancelled, plainLine: cancelled)
        guard let first = terminal.readSecret(after: messages.text("cli.staff_password") + " ") else {
            printError(messages.text("cli.staff_password_missing"))
            throw ExitCode(1)
        }
        // Said now rather than after typing it twice.
        _ = try StaffService.checkPassword(first)
        guard let second = terminal.readSecret(after: messages.text("cli.staff_password_again") + " "),
              second == first
        else {
            printError(messages.text("cli.staff_password_mismatch"))
            throw ExitCode(1)
        }
        return first
    }
}
