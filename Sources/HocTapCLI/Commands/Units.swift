import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore

extension HocTapCommand {
    /// `hoctap units …`: the commune's units as the store holds them.
    struct Units: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đơn vị của xã: xem danh sách, cho một đơn vị thôi hoạt động (vẫn giữ số liệu cũ).",
            subcommands: [List.self, Retire.self])

        /// `hoctap units list`.
        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Liệt kê các đơn vị (đồng bộ từ campaign.yaml).")
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run { database, messages in
                    let dates = ISO8601DateFormatter()
                    dates.formatOptions = [.withFullDate]
                    dates.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
                    for unit in try await database.units() {
                        let retired = unit.retiredAt.map { messages.text("cli.unit_retired", [dates.string(from: $0)]) } ?? ""
                        print("\(unit.id)\t\(unit.name)\t\(unit.kind.rawValue)\(retired)")
                    }
                }
            }
        }

        /// `hoctap units retire ID [--date YYYY-MM-DD]`.
        struct Retire: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Cho một đơn vị thôi hoạt động từ một ngày; người học và kết quả cũ vẫn được giữ.")
            @Argument(help: "Mã đơn vị.") var id: String
            @Option(help: "Từ ngày (YYYY-MM-DD); mặc định hôm nay.") var date: String?
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run { database, messages in
                    let when = try date.map { try LocalDate.parse($0, in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!) }
                    try await database.retireUnit(id: id, at: when ?? Date())
                    print(messages.text("cli.unit_retire_done", [id]))
                }
            }
        }
    }
}
