import CourseContent
import Foundation
import LearningCore
import TerminalFront
import TestSupport
import Testing

@Suite("Styles only on a terminal, NO_COLOR respected")
struct TerminalOutputTests {
    @Test("NO_COLOR turns styles off even on a terminal; COLUMNS gives the width when there is no terminal")
    func environment() {
        #expect(!StandardTerminal(environment: ["NO_COLOR": "1"]).stylesEnabled)
        let terminal = StandardTerminal(environment: ["COLUMNS": "57"])
        if !terminal.outputIsTerminal {
            #expect(!terminal.stylesEnabled, "no styles into a pipe or file")
            #expect(terminal.columns == 57)
            #expect(terminal.pageLines == nil, "lessons are not paged into a pipe")
            #expect(StandardTerminal(environment: [:]).columns == 80)
        }
    }

    @Test("A session writes escape codes only when styles are enabled")
    func stylesFollowTheOutput() async throws {
        let harness = try await SessionHarness()
        for styled in [false, true] {
            let output = CapturedOutput(columns: 40, stylesEnabled: styled)
            let session = TerminalSession(
                learning: harness.learning, signIn: harness.signIn, messages: MessageCatalog.bundled,
                input: ScriptedInput(["3", "1", "1", "k", "0", "0", "0"]), output: output, noticeVersion: "2026-01")
            #expect(await session.run() == .finished)
            #expect(output.text.contains("\u{1B}[") == styled)
            #expect(output.text.contains("Bài một"))
        }
    }

    @Test("Every line of a session fits a 40-column terminal")
    func narrowTerminal() async throws {
        let harness = try await SessionHarness()
        let script = ["2", "dong", SessionHarness.name, "5", SessionHarness.pin, SessionHarness.pin, "c", "c",
                      "1", "", "c", "1"] + ["K"] + SessionHarness.answers(right: true) + ["0", "0", "0"]
        let (outcome, transcript) = await harness.run(script, columns: 40)
        #expect(outcome == .finished)
        #expect(transcript.contains("Chúc mừng!"))
        // A prompt's last line is followed by what was typed; everything else is wrapped to the width.
        let typed = Set(script.filter { !$0.isEmpty })
        for line in transcript.split(separator: "\n") {
            let answer = typed.filter { line.hasSuffix(" " + $0) }.max { $0.count < $1.count }
            let used = TerminalText.width(line) - (answer.map { TerminalText.width($0) + 1 } ?? 0)
            #expect(used <= 40, "\(line)")
        }
    }
}
