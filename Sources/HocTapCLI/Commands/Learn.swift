import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore
import TerminalFront

extension HocTapCommand {
    /// `hoctap learn [--db hoctap.sqlite]`: a whole learning session in the terminal. The composition root of
    /// the terminal front: opens the store (creating it on first run, units from `Content/campaign.yaml`), loads
    /// the courses, builds the use cases over them and hands those to `TerminalSession`, which never sees the
    /// store itself. Works on a terminal and over pipes; Ctrl-C leaves the terminal as it was and keeps the
    /// answers given.
    struct Learn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Học trên dòng lệnh: đăng nhập, đọc bài, làm bài kiểm tra; chạy được cả khi nhập qua ống (pipe).")

        @OptionGroup var courses: CoursesOptions

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.run(.syncingUnits) { database, messages in
                let session = try makeSession(database: database, messages: messages, store: store,
                                              courses: courses)
                TerminalGuard.installInterruptHandler(quizLine: messages.text("terminal.quiz.kept"),
                                                      plainLine: messages.text("terminal.interrupted"),
                                                      columns: session.columns)
                let outcome = await session.run()
                TerminalGuard.restoreSettings()
                if outcome == .leftQuizOpen { throw ExitCode(3) }
            }
        }
    }
}

/// The terminal session over the store and the courses: the use cases of LearningCore, standard input and
/// output, and the privacy notice version of `Content/campaign.yaml`.
func makeSession(database: AppDatabase, messages: MessageCatalog, store: StoreOptions, courses: CoursesOptions)
    throws -> TerminalSession
{
    let catalog = try courses.catalog()
    let campaign = try CampaignConfigurationLoader.load(contentDirectory: try store.content.locate().url)
    let clock = SystemWallClock()
    let terminal = StandardTerminal()
    return TerminalSession(
        learning: LearningService(repository: database, catalog: catalog, clock: clock, random: SystemRandomSource()),
        signIn: SignInService(repository: database, clock: clock),
        messages: messages, input: terminal, output: terminal,
        noticeVersion: campaign.privacyNoticeVersion,
        clientKey: "terminal:" + (ProcessInfo.processInfo.environment["SSH_CONNECTION"].flatMap {
            $0.split(separator: " ").first.map(String.init)
        } ?? "local"))
}
