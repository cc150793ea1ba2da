import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore

extension HocTapCommand {
    /// `hoctap report …`: the campaign's figures and reports.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Số liệu và báo cáo phong trào.",
            subcommands: [Yearly.self, Review.self, Awards.self, Merge.self, Figures.self, Items.self])
    }
}

/// The reporting period asked for: a reporting year (ending on the deadline) or explicit dates.
struct PeriodOptions: ParsableArguments {
    @Option(help: "Năm báo cáo (kỳ kết thúc vào hạn báo cáo năm, mặc định 10/12).") var year: Int?
    @Option(help: "Từ ngày (YYYY-MM-DD, giờ Việt Nam), thay cho --year.") var from: String?
    @Option(help: "Đến hết ngày (YYYY-MM-DD, giờ Việt Nam), thay cho --year.") var to: String?

    func validate() throws {
        if year == nil && (from == nil || to == nil) {
            throw ValidationError("Hãy cho --year, hoặc cả --from và --to.")
        }
    }

    func period(_ campaign: CampaignConfiguration) throws -> ReportingPeriod {
        if let from, let to {
            let start = try LocalDate.parse(from, in: campaign.timeZone)
            let last = try LocalDate.parse(to, in: campaign.timeZone)
            guard start <= last else {
                throw ValidationError("Ngày không hợp lệ: \(from) – \(to) (cần YYYY-MM-DD, từ ngày không sau đến ngày).")
            }
            return ReportingPeriod(start: start, end: last.addingTimeInterval(86_400))
        }
        return .year(year ?? 0, deadline: campaign.yearlyDeadline, timeZone: campaign.timeZone)
    }
}

extension HocTapCommand.Report {
    /// `hoctap report figures`: per-unit figures for a period, as a table or JSON.
    struct Figures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Số liệu theo đơn vị trong một kỳ báo cáo.")
        @OptionGroup var period: PeriodOptions
        @Option(help: "Chỉ số liệu của một đơn vị (mã đơn vị).") var unit: String?
        @Flag(help: "In dạng JSON.") var json = false
        @Flag(help: "In câu lệnh SQL của kỳ này (để chạy đối chiếu trong sqlite3).") var sql = false
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var content: ContentOptions

        func run() async throws {
            let messages = content.messages()
            do {
                let configured = try CampaignConfigurationLoader.load(contentDirectory: try content.locate().url)
                let span = try period.period(configured)
                if sql {
                    print(AppDatabase.reportingSQL(for: span).joined(separator: "\n"))
                    return
                }
                // Read only: the store's units join the configuration's in memory, nothing is written.
                let store = try AppDatabase.openExisting(path: database.path)
                let campaign = configured.withUnits(storedIn: try await store.units())
                let groups: [LearnerGroupFigures]
                if let unit {
                    // One unit's rows only, read for that unit alone (fast enough for a dashboard).
                    guard campaign.units.contains(where: { $0.id == unit }) else {
                        throw ProgressError(.unknownUnit, unit)
                    }
                    groups = try await store.figures(for: span, unitID: unit).groups
                } else {
                    groups = try await store.figures(for: span).groups
                }
                let byUnit = Dictionary(grouping: groups, by: \.unitID)
                    .mapValues { $0.reduce(ActivityFigures()) { $0 + $1.figures } }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    print(String(decoding: try encoder.encode(byUnit), as: UTF8.self))
                    return
                }
                print(messages.text("cli.figures_header"))
                let shown = campaign.units.filter { unit in
                    self.unit.map { $0 == unit.id } ?? (byUnit[unit.id] != nil || unit.retiredAt == nil)
                }
                for unit in shown {
                    let figures = byUnit[unit.id] ?? ActivityFigures()
                    print([unit.name, String(figures.registered), String(figures.active), String(figures.enrolments),
                           String(figures.courseCompletions), figures.averageScore.map { String($0) } ?? "—"]
                        .joined(separator: "\t"))
                }
                let total = byUnit.values.reduce(ActivityFigures(), +)
                print([messages.text("cli.total"), String(total.registered), String(total.active),
                       String(total.enrolments), String(total.courseCompletions),
                       total.averageScore.map { String($0) } ?? "—"].joined(separator: "\t"))
            } catch let error as ValidationError {
                throw error
            } catch {
                throw failure(error, messages)
            }
        }
    }
}
