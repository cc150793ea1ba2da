import CourseContent
import Foundation
import LearningCore
import TerminalFront
import TestSupport

/// The fixture course over the in-memory store, and terminal sessions driven by scripted lines.
struct SessionHarness {
    let repository = InMemoryProgressRepository()
    let clock = TestClock()
    let learning: LearningService
    let signIn: SignInService

    static let name = "Nguyễn Thị Lan"
    static let pin = "2468"
    /// Sign in from the start menu: unit typed without diacritics, then name and PIN.
    static let signInLines = ["1", "dong", name, pin]

    init(seed: UInt64 = 7) async throws {
        try await repository.saveUnits(CourseFixtures.units)
        learning = LearningService(repository: repository, catalog: CourseFixtures.catalog(), clock: clock,
                                   random: SeededRandomSource(seed: seed))
        signIn = SignInService(repository: repository, clock: clock)
    }

    /// Runs a session over `lines`; returns how it ended and everything it wrote.
    func run(_ lines: [String], columns: Int = 80) async -> (TerminalSession.Outcome, String) {
        let output = CapturedOutput(columns: columns)
        let session = TerminalSession(learning: learning, signIn: signIn, messages: MessageCatalog.bundled,
                                      input: ScriptedInput(lines), output: output, noticeVersion: "2026-01")
        let outcome = await session.run()
        return (outcome, output.text)
    }

    /// Registers the fixture learner directly through the use case, as the kiosk would.
    @discardableResult
    func register() async throws -> LearnerIdentity {
        try await signIn.register(NewLearner(displayName: Self.name, unitID: "thon-1", category: .citizens,
                                             pin: Self.pin), consent: CourseFixtures.consent)
    }

    /// Answers for the five questions of the fixture's final quiz, by the choices' own text.
    static func answers(right: Bool, from first: Int = 0) -> [String] {
        (first..<5).map { (right ? "Đúng " : "Sai ") + String($0) }
    }
}

extension String {
    /// How many times `part` occurs.
    func occurrences(of part: String) -> Int {
        components(separatedBy: part).count - 1
    }
}
