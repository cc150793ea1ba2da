import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore
import TerminalFront

extension HocTapCommand {
    /// `hoctap progress --unit ID --name NAME`: one person's progress and completions, with the codes on their
    /// certificates, after their PIN (asked, not echoed on a terminal).
    struct Progress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xem tiến độ học tập và các khoá đã hoàn thành (kèm mã xác nhận) của một người; hỏi mã PIN.")

        @Option(help: "Mã đơn vị (như trong Content/campaign.yaml, ví dụ thon-1).")
        var unit: String

        @Option(help: "Họ và tên người học.")
        var name: String

        @OptionGroup var courses: CoursesOptions

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.run(.syncingUnits) { database, messages in
                let session = try makeSession(database: database, messages: messages, store: store,
                                              courses: courses)
                TerminalGuard.installInterruptHandler(quizLine: messages.text("terminal.interrupted"),
                                                      plainLine: messages.text("terminal.interrupted"),
                                                      columns: session.columns)
                let shown = await session.showProgress(unitID: unit, name: name)
                TerminalGuard.restoreSettings()
                if !shown { throw ExitCode(1) }
            }
        }
    }
}
