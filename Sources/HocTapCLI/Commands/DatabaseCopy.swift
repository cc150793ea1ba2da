import ArgumentParser
import CourseContent
import Foundation
import PostgresStore
import ProgressStore

extension HocTapCommand.Database {
    /// `hoctap db copy --from hoctap.sqlite --to postgres://… --commune ID`: moves a commune's history from its
    /// SQLite file into the city's PostgreSQL database, all or nothing, printing the counts in the file and in
    /// the city database before and after, with a progress line on a terminal. Running it again adds only what
    /// is new in the file.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sao chép lịch sử học tập của một xã từ tệp SQLite vào cơ sở dữ liệu PostgreSQL của thành phố.")

        @Option(name: .customLong("from"), help: "Tệp SQLite của xã (chỉ đọc).")
        var source: String

        @Option(name: .customLong("to"), help: "Cơ sở dữ liệu PostgreSQL của thành phố (postgres://người-dùng@máy-chủ:cổng/tên).")
        var target: String

        @Option(name: .customLong("commune"), help: "Mã xã, phường trong cơ sở dữ liệu thành phố.")
        var commune = ProcessInfo.processInfo.environment["HOCTAP_COMMUNE"] ?? ""

        @OptionGroup var content: ContentOptions

        func run() async throws {
            let messages = content.messages()
            do {
                let file = try AppDatabase.openExisting(path: source)
                let city = try await CityDatabaseOptions(address: target, commune: commune).open()
                defer { city.shutdown() }
                print(messages.text("cli.copy.start", [city.commune.value, source, city.place]))
                let history = try await file.history()
                let before = try await city.historyCounts()
                let progress = PINProgress(messages, key: "cli.copy.progress")
                try await city.copy(history) { done, total in progress?.show(done, total) }
                progress?.finish()
                let after = try await city.historyCounts()
                print(messages.text("cli.copy.header"))
                for ((key, inFile), (before, after)) in zip(history.counts.byKind,
                                                            zip(before.byKind.map(\.count), after.byKind.map(\.count))) {
                    print([messages.text("cli.copy.kinds.\(key)"), String(inFile), String(before), String(after)]
                        .joined(separator: "\t"))
                }
                print(messages.text("cli.copy.done", [city.commune.value]))
            } catch let error as ExitCode {
                throw error
            } catch {
                throw failure(error, messages)
            }
        }
    }
}
