import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore

/// Where the progress database is, shared by every command that opens it.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Tệp cơ sở dữ liệu SQLite (lệnh ghi tạo mới nếu chưa có; lệnh chỉ đọc thì không).")
    var path: String = ProcessInfo.processInfo.environment["HOCTAP_DB"] ?? "hoctap.sqlite"

    /// Opens the store to write, refusing to create it: a missing file is an error naming it.
    func openExisting() throws -> AppDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ProgressError(.missingDatabase, path)
        }
        return try AppDatabase(path: path)
    }

    /// Opens the store and brings its units in line with `Content/campaign.yaml`.
    func open(content: ContentOptions) async throws -> AppDatabase {
        // The configuration first: a missing Content/ must not leave a new, empty database behind.
        let campaign = try CampaignConfigurationLoader.load(contentDirectory: try content.locate().url)
        let database = try AppDatabase(path: path)
        try await database.saveUnits(campaign.units)
        return database
    }
}

/// Turns the store's and configuration's errors into a Vietnamese line and a non-zero exit.
func failure(_ error: any Error, _ messages: MessageCatalog) -> ExitCode {
    switch error {
    case let error as any UserFacingError:
        printError(messages.text(error))
        // What lies behind (a server's own message, say) is for developers, shown only with HOCTAP_DEBUG.
        if ProcessInfo.processInfo.environment["HOCTAP_DEBUG"] != nil { printError(String(describing: error)) }
    case let error as CampaignConfigurationLoader.Failure:
        printError(messages.text("errors.\(error.key)", [error.detail]))
    case let error as ResourceLocator.Failure:
        printError(error.message(messages))
    default:
        // The Swift or SQLite wording is for developers: shown only when asked for with HOCTAP_DEBUG.
        printError(messages.text("errors.unexpected"))
        if ProcessInfo.processInfo.environment["HOCTAP_DEBUG"] != nil { printError(String(describing: error)) }
    }
    return ExitCode(1)
}
