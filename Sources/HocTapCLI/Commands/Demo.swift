import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore

extension HocTapCommand {
    /// `hoctap demo seed`: a demonstration commune, to try the reports on.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dữ liệu trình diễn.", subcommands: [Seed.self])

        /// Fills a new database file with a year of plausible learning through the real use cases.
        struct Seed: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Tạo cơ sở dữ liệu trình diễn: các đơn vị của xã, vài nghìn người học, một năm học tập "
                    + "(bài học, bài kiểm tra, hoàn thành khoá học) qua đúng quy trình của nền tảng.")
            @Option(help: "Số người học.") var learners = 3000
            @Option(help: "Năm báo cáo được tạo dữ liệu.") var year = 2026
            @Option(help: "Hạt giống ngẫu nhiên (cùng hạt giống cho cùng dữ liệu).") var seed: UInt64 = 2026
            @OptionGroup var courses: CoursesOptions
            @OptionGroup var database: DatabaseOptions
            @OptionGroup var content: ContentOptions

            func run() async throws {
                let messages = content.messages()
                guard !FileManager.default.fileExists(atPath: database.path) else {
                    printError(messages.text("cli.demo_exists", [database.path]))
                    throw ExitCode(1)
                }
                do {
                    let campaign = try CampaignConfigurationLoader.load(contentDirectory: try content.locate().url)
                    let catalog = try courses.catalog()
                    // A new demonstration file: bulk durability, since a crash only costs a rerun.
                    let store = try AppDatabase(path: database.path, hashing: .fastForTests, durability: .bulkLoad)
                    try await store.saveUnits(campaign.units)
                    try await store.keepBasicLevel(campaign.basicLevel)
                    var seeder = DemoSeeder(store: store, catalog: catalog, campaign: campaign, learnerCount: learners,
                                            year: year, random: SplitMix64(seed: seed))
                    // On a terminal, a line that counts the learners done instead of a silent minute.
                    let onTerminal = isatty(STDERR_FILENO) == 1
                    var shown = -1
                    let summary = try await seeder.run(until: Date()) { done, total in
                        let percent = total == 0 ? 100 : done * 100 / total
                        guard onTerminal, percent != shown else { return }
                        shown = percent
                        FileHandle.standardError.write(Data(("\r" + messages.text(
                            "cli.demo_progress", [String(done), String(total), String(percent)])).utf8))
                        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
                    }
                    print(messages.text("cli.demo_done", [
                        database.path, String(summary.learners), String(summary.lessonsFinished),
                        String(summary.attempts), String(summary.completions),
                    ]))
                } catch {
                    throw failure(error, messages)
                }
            }
        }
    }
}
