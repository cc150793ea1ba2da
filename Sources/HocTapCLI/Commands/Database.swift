import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore

extension HocTapCommand {
    /// `hoctap db …`: looking after the progress database.
    struct Database: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db", abstract: "Quản lý cơ sở dữ liệu tiến độ học tập.",
            subcommands: [Check.self, Upgrade.self, Backup.self, RebuildSummaries.self, Copy.self, WriteProbe.self,
                          PINProbe.self])

        /// `hoctap db check`: integrity and foreign keys.
        struct Check: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Kiểm tra tính toàn vẹn của cơ sở dữ liệu (integrity_check, khoá ngoại).")
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run(.readOnly) { database, messages in
                    let report = try await database.checkIntegrity()
                    for line in report.integrityProblems + report.foreignKeyProblems { print(line) }
                    print(messages.text(report.isHealthy ? "cli.db_healthy" : "cli.db_unhealthy", [store.database.path]))
                    if !report.isHealthy { throw ExitCode(1) }
                }
            }
        }

        /// `hoctap db upgrade`: brings a file an earlier version wrote up to date (its migrations run on opening;
        /// an existing file only, never a new one).
        struct Upgrade: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Nâng cấp tệp cơ sở dữ liệu do phiên bản cũ hơn tạo ra (không tạo tệp mới).")
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run(.existing) { _, messages in
                    print(messages.text("cli.db_upgraded", [store.database.path]))
                }
            }
        }

        /// `hoctap db backup FILE`: an online, consistent copy.
        struct Backup: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Sao lưu cơ sở dữ liệu ra tệp mới (dùng được khi máy chủ đang chạy).")
            @Argument(help: "Tệp sao lưu (chưa tồn tại).") var file: String
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run(.readWrite) { database, messages in
                    guard !FileManager.default.fileExists(atPath: file) else {
                        printError(messages.text("cli.backup_exists", [file]))
                        throw ExitCode(1)
                    }
                    try database.backup(to: file)
                    print(messages.text("cli.backup_done", [file]))
                }
            }
        }

        /// `hoctap db rebuild-summaries`: recompute the summaries from the raw events.
        struct RebuildSummaries: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Tính lại các bảng tổng hợp tiến độ từ nhật ký sự kiện.")
            @OptionGroup var courses: CoursesOptions
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run(.readWrite) { database, messages in
                    let catalog = try courses.catalog()
                    let campaign = try CampaignConfigurationLoader.load(contentDirectory: try store.content.locate().url)
                    try await database.keepBasicLevel(campaign.basicLevel)
                    let restored = try await database.rebuildSummaries(
                        requirements: catalog.courses.map(CompletionRequirement.init))
                    print(messages.text("cli.summaries_rebuilt", [String(restored)]))
                }
            }
        }
    }
}
