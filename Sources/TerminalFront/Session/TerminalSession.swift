import CourseContent
import Foundation
public import LearningCore

/// A whole learning session in a terminal: sign in (or register, or practise), choose a course, read lessons
/// page by page, take quizzes, see the result, and come back later to the same place. It reads and writes
/// through `TerminalInput` and `TerminalOutput`, so the same code runs on a terminal, over pipes and in tests;
/// every rule comes from the use cases of `LearningCore`, the same ones the web front calls.
public final class TerminalSession {
    /// How a session ended.
    public enum Outcome: Sendable, Hashable {
        /// The person left through the menus (or input ended outside a quiz).
        case finished
        /// Input ended in the middle of a recorded quiz: its answers are kept and it resumes next time.
        case leftQuizOpen
    }

    /// Input ended: unwinds the session to `run()`.
    struct EndOfInput: Error {}

    let learning: LearningService
    let signIn: SignInService
    let messages: any Localizer
    let input: any TerminalInput
    let output: any TerminalOutput
    /// The version of the privacy notice shown at registration (`Content/campaign.yaml`).
    let noticeVersion: String
    /// Names this terminal to the sign-in throttle.
    let clientKey: String

    /// The learner signed in, or nil when practising (nothing stored).
    var identity: LearnerIdentity?
    /// Whether a recorded quiz is being answered; what Ctrl-C and the end of input say depends on it.
    var inRecordedQuiz = false {
        didSet { TerminalGuard.setQuizInProgress(inRecordedQuiz) }
    }

    /// A session over the use cases, with the words of `messages`, reading `input` and writing `output`.
    public init(learning: LearningService, signIn: SignInService, messages: any Localizer,
                input: any TerminalInput, output: any TerminalOutput, noticeVersion: String,
                clientKey: String = "terminal") {
        self.learning = learning
        self.signIn = signIn
        self.messages = messages
        self.input = input
        self.output = output
        self.noticeVersion = noticeVersion
        self.clientKey = clientKey
    }

    /// The columns the session wraps to.
    public var columns: Int { output.columns }

    /// Runs the session until the person leaves or input ends.
    public func run() async -> Outcome {
        do {
            try await startMenu()
            say("terminal.goodbye")
            return .finished
        } catch is EndOfInput {
            return ended()
        } catch {
            say(error)
            return ended()
        }
    }

    /// What the end of input (or an error no menu caught) leaves behind.
    func ended() -> Outcome {
        output.write("\n")
        if inRecordedQuiz {
            inRecordedQuiz = false
            say("terminal.quiz.kept")
            return .leftQuizOpen
        }
        say("terminal.goodbye")
        return .finished
    }

    // MARK: Start

    private func startMenu() async throws {
        blank()
        say("terminal.title", style: .heading)
        while true {
            identity = nil
            blank()
            say("terminal.start.menu")
            let choice = try choose(count: 3, allowZero: true, prompt: text("terminal.start.prompt"))
            switch choice {
            case 0: return
            case 1: if let identity = try await signInFlow() { try await learn(as: identity) }
            case 2: if let identity = try await registerFlow() { try await learn(as: identity) }
            default: try await learn(as: nil)
            }
        }
    }

    // MARK: Words

    /// The text of a message key.
    func text(_ key: String, _ arguments: [String] = []) -> String {
        messages.text(key, arguments)
    }

    /// A message wrapped to the terminal's width, in a style on a terminal.
    func say(_ key: String, _ arguments: [String] = [], style: TerminalStyle = [], indent: Int = 0) {
        write(text(key, arguments), style: style, indent: indent)
    }

    /// Text wrapped to the terminal's width, each line in `style`.
    func write(_ text: String, style: TerminalStyle = [], indent: Int = 0) {
        let pad = String(repeating: " ", count: indent)
        for line in TerminalText.wrap(text, width: max(output.columns - indent, 10)) {
            output.write(pad + style.apply(line, enabled: output.stylesEnabled) + "\n")
        }
    }

    /// `text` after a marker (`1.`, `•`), its further lines indented under the text.
    func item(_ marker: String, _ text: String, style: TerminalStyle = [], indent: Int = 0) {
        let head = String(repeating: " ", count: indent) + marker + " "
        let hang = String(repeating: " ", count: TerminalText.width(head))
        let lines = TerminalText.wrap(text, width: max(output.columns - TerminalText.width(head), 10))
        for (index, line) in lines.enumerated() {
            output.write((index == 0 ? head : hang) + style.apply(line, enabled: output.stylesEnabled) + "\n")
        }
    }

    /// An error worded for a person; never a Swift description.
    func say(_ error: any Error) {
        if let error = error as? any UserFacingError {
            write(messages.text(error), style: .bad)
        } else {
            write(text("errors.unexpected"), style: .bad)
        }
    }

    func blank() { output.write("\n") }

    /// A renderer for Markdown at this terminal's width and styles.
    var renderer: TerminalMarkdownRenderer {
        TerminalMarkdownRenderer(width: output.columns, styled: output.stylesEnabled)
    }

    // MARK: Reading

    /// Asks with `prompt` and returns the line typed, trimmed and in NFC; over a pipe the line is written back
    /// after the prompt so the transcript reads as a dialogue.
    func ask(_ prompt: String) throws -> String {
        writePrompt(prompt)
        guard let line = input.readLine() else { throw EndOfInput() }
        if !input.isInteractive { output.write(line + "\n") }
        return TextNormalizer.nfc(TextNormalizer.trimmed(line))
    }

    /// Asks for a secret (the PIN): not echoed on a terminal, not written back over a pipe.
    func askSecret(_ prompt: String) throws -> String {
        writePrompt(prompt)
        guard let line = input.readSecret() else { throw EndOfInput() }
        if !input.isInteractive { output.write("\n") }
        return TextNormalizer.trimmed(line)
    }

    /// A prompt wrapped to the width, its last line left open for the answer.
    private func writePrompt(_ prompt: String) {
        let lines = TerminalText.wrap(prompt, width: max(output.columns - 1, 10))
        for (index, line) in lines.enumerated() {
            let styled = TerminalStyle.bold.apply(line, enabled: output.stylesEnabled)
            output.write(index + 1 < lines.count ? styled + "\n" : styled + " ")
        }
    }

    /// A number from 1 to `count` (or 0 when allowed), asked again until one is typed.
    func choose(count: Int, allowZero: Bool, prompt: String) throws -> Int {
        while true {
            let answer = try ask(prompt)
            if let number = Int(answer), number >= (allowZero ? 0 : 1), number <= count {
                return number
            }
            say("terminal.invalid_number", [allowZero ? "0" : "1", String(count)], style: .bad)
        }
    }

    /// Yes or no (`c`/`có` or `k`/`không`, diacritics optional), asked again until one is typed.
    func confirm(_ prompt: String) throws -> Bool {
        while true {
            let key = TextNormalizer.comparisonKey(try ask(prompt + " " + text("terminal.yes_no")),
                                                   ignoringDiacritics: true)
            if ["c", "co", "y", "yes", "dong y"].contains(key) { return true }
            if ["k", "khong", "n", "no"].contains(key) { return false }
            say("terminal.invalid_yes_no", style: .bad)
        }
    }

    /// Runs `body`, saying any refusal of a use case; the end of input goes on up.
    func attempt<T>(_ body: () async throws -> T) async throws -> T? {
        do {
            return try await body()
        } catch let end as EndOfInput {
            throw end
        } catch {
            say(error)
            return nil
        }
    }

    // MARK: Formats

    static let timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current

    /// A date as `25/11/2026`, in Vietnam's time.
    func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.timeZone
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d/%02d/%04d", parts.day ?? 0, parts.month ?? 0, parts.year ?? 0)
    }
}
