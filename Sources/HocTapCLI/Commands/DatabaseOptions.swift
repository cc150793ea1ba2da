import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore

/// Where the progress database is, shared by every command that opens it.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Tệp cơ sở dữ liệu SQLite (tạo mới nếu chưa có).")
    var path: String = ProcessInfo.processInfo.environment["HOCTAP_DB"] ?? "hoctap.sqlite"

    /// Opens the store and brings its units in line with `Content/campaign.yaml`.
    func open(content: ContentOptions) async throws -> AppDatabase {
        let database = try AppDatabase(path: path)
        let campaign = try CampaignConfigurationLoader.load(contentDirectory: URL(fileURLWithPath: content.contentDirectory))
        try await database.saveUnits(campaign.units)
        return database
    }
}

/// Turns the store's and configuration's errors into a Vietnamese line and a non-zero exit.
func failure(_ error: any Error, _ messages: MessageCatalog) -> ExitCode {
    switch error {
    case let error as ProgressError:
        printError(messages.text("errors.\(error.kind.rawValue)", [error.detail]))
    case let error as CampaignConfigurationLoader.Failure:
        printError(messages.text("errors.\(error.key)", [error.detail]))
    default:
        printError(messages.text("errors.unexpected", ["\(error)"]))
    }
    return ExitCode(1)
}
