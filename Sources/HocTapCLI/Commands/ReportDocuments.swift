public import ArgumentParser
import CampaignReports
import CourseContent
import Foundation
import LearningCore
import PostgresStore
import ProgressStore

/// `--format html|docx|md|csv|xlsx|json`.
extension ReportFormat: ExpressibleByArgument {}

/// What every report command shares: the format, where to write, the document number and date, the unit.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Định dạng: html, docx, md, csv, xlsx, json.") var format: ReportFormat = .html
    @Option(name: .shortAndLong, help: "Tệp kết quả (bắt buộc với docx, xlsx; mặc định in ra màn hình).")
    var output: String?
    @Option(help: "Số văn bản (để trống để văn thư điền tay).") var number: String?
    @Option(help: "Ngày ghi trên văn bản (YYYY-MM-DD); mặc định hôm nay.") var date: String?
    @Option(help: "Chỉ báo cáo của một đơn vị (mã đơn vị).") var unit: String?
    @OptionGroup var courses: CoursesOptions
    @OptionGroup var city: CityDatabaseOptions
    @Flag(name: .customLong("city"),
          help: "Báo cáo cả thành phố từ cơ sở dữ liệu PostgreSQL (mọi xã, phường, gộp như report merge; JSON).")
    var wholeCity = false

    func validate() throws {
        if (format == .docx || format == .xlsx) && output == nil {
            throw ValidationError("Định dạng \(format.rawValue) cần --output TỆP.")
        }
    }

    /// Builds the report, then renders and writes it in the chosen format (the staff area downloads the same
    /// `ReportRequest`). The store is only read: its units (with any retirement recorded by `hoctap units retire`)
    /// join those of the configuration in memory, never written back.
    func produce(_ store: StoreOptions, kind: CampaignReport.Kind, year: Int) async throws {
        if wholeCity {
            try await produceForCity(content: store.content, kind: kind, year: year)
            return
        }
        guard city.isChosen else {
            try await store.run(.readOnly) { database, messages in
                try await produce(from: database, content: store.content, messages: messages, kind: kind, year: year)
            }
            return
        }
        // One commune's report straight from the city's PostgreSQL database (its rows only, by row-level security).
        let messages = store.content.messages()
        do {
            let database = try await city.open()
            defer { database.shutdown() }
            try await produce(from: database, content: store.content, messages: messages, kind: kind, year: year)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw failure(error, messages)
        }
    }

    /// The city's report straight from the city database: every commune's report as `--commune` gives it (named
    /// by its code, the name the city database knows it by), merged as `hoctap report merge` merges them.
    private func produceForCity(content: ContentOptions, kind: CampaignReport.Kind, year: Int) async throws {
        let messages = content.messages()
        let refusal: String? =
            if !city.isChosen { "cli.city_needs_database" }
            else if city.namesCommune { "cli.city_not_one_commune" }
            else if unit != nil { "cli.city_not_one_unit" }
            else if format != .json { "cli.city_json_only" }
            else { nil }
        if let refusal {
            printError(messages.text(refusal))
            throw ExitCode(1)
        }
        do {
            let configured = try CampaignConfigurationLoader.load(contentDirectory: try content.locate().url)
            let database = try await city.openForCity()
            defer { database.shutdown() }
            var communes: [CityReport.Commune] = []
            for code in try await database.communes() {
                let commune = database.commune(code)
                communes.append(CityReport.Commune(
                    name: code.value, repository: commune,
                    campaign: configured.withUnits(storedIn: try await commune.units())))
            }
            guard !communes.isEmpty else {
                printError(messages.text("cli.city_no_communes", [database.place]))
                throw ExitCode(1)
            }
            let merged = try await CityReport.merged(kind: kind, year: year, communes: communes,
                                                     catalog: try courses.catalog(), clock: SystemWallClock())
            var data = try ReportMerger.encode(merged)
            data.append(Data("\n".utf8))
            if let output {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
                print(messages.text("cli.report_written", [output]))
            } else {
                FileHandle.standardOutput.write(data)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw failure(error, messages)
        }
    }

    private func produce(
        from database: some ProgressRepository & ReportingRepository, content: ContentOptions,
        messages: MessageCatalog, kind: CampaignReport.Kind, year: Int
    ) async throws {
        let configured = try CampaignConfigurationLoader.load(contentDirectory: try content.locate().url)
        let campaign = configured.withUnits(storedIn: try await database.units())
        let request = ReportRequest(kind: kind, year: year, unitID: unit, number: number,
                                    date: try date.map { try LocalDate.parse($0, in: campaign.timeZone) })
        let data = try await request.render(format, figures: database, catalog: try courses.catalog(),
                                            campaign: campaign, clock: SystemWallClock(), words: messages)
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            print(messages.text("cli.report_written", [output]))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

extension HocTapCommand.Report {
    /// `hoctap report yearly --year 2026`.
    struct Yearly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Báo cáo kết quả năm (kỳ báo cáo kết thúc vào hạn 10/12).")
        @Option(help: "Năm báo cáo.") var year: Int
        @OptionGroup var output: ReportOutputOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await output.produce(store, kind: .yearly, year: year)
        }
    }

    /// `hoctap report review --until 2027`.
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Báo cáo sơ kết (2027) hoặc tổng kết (2030), tính từ năm 2025.")
        @Option(help: "Năm cuối của kỳ (2027: sơ kết, 2030: tổng kết).") var until: Int
        @OptionGroup var output: ReportOutputOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await output.produce(store, kind: .review, year: until)
        }
    }

    /// `hoctap report awards --year 2026`.
    struct Awards: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đề xuất khen thưởng theo tiêu chí đã công bố.")
        @Option(help: "Năm xét khen thưởng.") var year: Int
        @OptionGroup var output: ReportOutputOptions
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await output.produce(store, kind: .awards, year: year)
        }
    }

    /// `hoctap report merge A.json B.json … > city.json`.
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Gộp báo cáo JSON của nhiều xã (cùng phiên bản, cùng loại, cùng kỳ, mỗi xã một lần).")
        @Argument(help: "Các tệp báo cáo JSON.") var files: [String]
        @OptionGroup var content: ContentOptions

        func run() async throws {
            let messages = content.messages()
            var reports: [(name: String, report: CampaignReport)] = []
            for file in files {
                guard let data = FileManager.default.contents(atPath: file),
                      let report = try? JSONReportCoder.decode(data)
                else {
                    printError(messages.text("merge.unreadable", [file]))
                    throw ExitCode(1)
                }
                reports.append((file, report))
            }
            do {
                let merged = try ReportMerger.merge(reports)
                FileHandle.standardOutput.write(try ReportMerger.encode(merged))
                FileHandle.standardOutput.write(Data("\n".utf8))
            } catch let refusal as ReportMerger.Refusal {
                // A different kind of report is named as such, in words: "báo cáo năm", "đề xuất khen thưởng" ….
                let arguments = refusal.reason == .kind
                    ? [refusal.file, messages.text("report.kind_label.\(refusal.detail)"),
                       messages.text("report.kind_label.\(refusal.expected)")]
                    : [refusal.file, refusal.detail]
                printError(messages.text("merge.\(refusal.reason.rawValue)", arguments))
                throw ExitCode(1)
            }
        }
    }
}

extension CampaignConfiguration {
    /// The configuration with the units as the store holds them after a sync (what `saveUnits` would write): the
    /// configured units, each retired from its configured date or else from the date the store records, then the
    /// units only the store still knows (dropped from the file, their history still counting).
    func withUnits(storedIn stored: [CommuneUnit]) -> CampaignConfiguration {
        let byID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var merged = self
        merged.units = units.map { unit in
            var unit = unit
            unit.retiredAt = unit.retiredAt ?? byID[unit.id]?.retiredAt
            return unit
        }
        let configured = Set(units.map(\.id))
        merged.units += stored.filter { !configured.contains($0.id) }
        return merged
    }
}
