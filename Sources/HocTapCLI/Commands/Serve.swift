import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import PostgresStore
import ProgressStore
import WebFront

extension HocTapCommand {
    /// `hoctap serve [--host 127.0.0.1] [--port 8080] [--public-url URL] [--db hoctap.sqlite]`: the kiosk in a
    /// browser. The composition root of the HTTP front: opens the store (creating it on first run and bringing
    /// its units in line with `Content/campaign.yaml`), loads the courses, builds the use cases over them and
    /// hands those to `WebFront`, which never sees the store itself. Stops gracefully on Ctrl+C (SIGINT) or SIGTERM.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chạy máy chủ học tập: trang học cho máy dùng chung và API JSON.")

        @Option(help: "Địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này truy cập được).")
        var host = "127.0.0.1"

        @Option(help: "Cổng lắng nghe.")
        var port = 8080

        @OptionGroup var courses: CoursesOptions

        @Option(name: .customLong("idle-minutes"),
                help: "Số phút để yên thì phiên học trên máy dùng chung tự kết thúc (mặc định 5).")
        var idleMinutes = 5

        @Option(name: .customLong("staff-idle-minutes"),
                help: "Số phút không dùng thì phiên làm việc của cán bộ tự kết thúc (mặc định 30).")
        var staffIdleMinutes = 30

        @Option(name: .customLong("public-url"),
                help: """
                    Địa chỉ công khai của máy chủ (ví dụ https://hoctap.kienthuy.gov.vn), dùng cho mã QR trên giấy \
                    chứng nhận; mặc định là địa chỉ trình duyệt đã dùng để mở trang (biến môi trường \
                    HOCTAP_PUBLIC_URL).
                    """)
        var publicURL = ProcessInfo.processInfo.environment["HOCTAP_PUBLIC_URL"] ?? ""

        @OptionGroup var store: StoreOptions

        @OptionGroup var city: CityDatabaseOptions

        /// `--public-url` as a URL: http or https, with a host, without a query or fragment.
        var publicBaseURL: URL? {
            let text = publicURL.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, let components = URLComponents(string: text),
                  ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
                  components.host?.isEmpty == false, components.query == nil, components.fragment == nil
            else { return nil }
            return components.url
        }

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("Cổng phải từ 0 đến 65535.") }
            if !publicURL.trimmingCharacters(in: .whitespaces).isEmpty, publicBaseURL == nil {
                throw ValidationError(store.content.messages().text("cli.public_url_invalid", [publicURL]))
            }
            guard (1...240).contains(idleMinutes), (1...240).contains(staffIdleMinutes) else {
                throw ValidationError("Số phút để yên phải từ 1 đến 240.")
            }
        }

        func run() async throws {
            guard city.isChosen else {
                try await store.run(.syncingUnits) { database, messages in
                    // The file keeps who reaches the configured basic level as completions come (the coverage
                    // report).
                    let configured = try CampaignConfigurationLoader.load(
                        contentDirectory: try store.content.locate().url)
                    try await serve(database, configured: configured, messages: messages) { campaign in
                        try await database.keepBasicLevel(campaign.basicLevel)
                    }
                }
                return
            }
            let messages = store.content.messages()
            do {
                let campaign = try CampaignConfigurationLoader.load(contentDirectory: try store.content.locate().url)
                let database = try await city.open()
                defer { database.shutdown() }
                try await database.saveUnits(campaign.units)
                try await serve(database, configured: campaign, messages: messages) { campaign in
                    try await database.keepBasicLevel(campaign.basicLevel)
                }
            } catch let error as ExitCode {
                throw error
            } catch {
                throw failure(error, messages)
            }
        }

        /// Serves the kiosk over `database`, whichever store it is: the fronts see only the use cases.
        /// `configured` is the campaign as `Content/` gives it, read once by the caller.
        private func serve<Store: ProgressRepository & StaffRepository & ReportingRepository & ItemAnalysisRepository>(
            _ database: Store, configured: CampaignConfiguration, messages: MessageCatalog,
            keepBasicLevel: (CampaignConfiguration) async throws -> Void
        ) async throws {
            let catalog = try courses.catalog()
            let clock = SystemWallClock()
            let contentDirectory = try store.content.locate().url
            let campaign = configured.withUnits(storedIn: try await database.units())
            try await keepBasicLevel(campaign)
            let services = KioskServices(
                learning: LearningService(repository: database, catalog: catalog, clock: clock,
                                          random: SystemRandomSource()),
                signIn: SignInService(repository: database, clock: clock),
                staff: StaffService(repository: database, clock: clock),
                messages: messages, campaign: campaign, reporting: database,
                itemAnalysis: database)
            let web = WebConfiguration(host: host, port: port, contentDirectory: contentDirectory,
                                       version: HocTapCommand.configuration.version,
                                       idleTimeout: TimeInterval(idleMinutes * 60),
                                       staffIdleTimeout: TimeInterval(staffIdleMinutes * 60),
                                       privacyNoticeVersion: campaign.privacyNoticeVersion,
                                       publicBaseURL: publicBaseURL)
            do {
                try await serveKiosk(web, services: services) { address in
                    // Unbuffered, so the address shows at once even when the output goes to a file or pipe.
                    FileHandle.standardOutput.write(Data((messages.text("web.serving", [address]) + "\n").utf8))
                }
            } catch let error as Templates.Failure {
                printError(messages.text("web.templates_failed", [error.path]))
                throw ExitCode(1)
            }
            print(messages.text("web.stopped"))
        }
    }
}
