import ArgumentParser
import CourseContent
import Foundation
import ProgressStore

/// The database and content options of every command that works on the store, and the one place where such a
/// command opens it and turns a failure into a Vietnamese message and a non-zero exit.
struct StoreOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    /// How a command opens the store.
    enum Access: Sendable {
        /// Reads only (`db check`, the reports, a learner's data): the file must exist; it is opened read-only,
        /// never created, migrated or written (a backup on read-only media works).
        case readOnly
        /// The file must exist (never created), opened to write without touching the units: for commands that
        /// read a person's data and must log that staff did (`learners show|export` write the audit log).
        case existing
        /// Opens (creating and migrating if needed) without touching the units (`db backup`, `rebuild-summaries`).
        case readWrite
        /// As `readWrite`, then brings the units in line with `Content/campaign.yaml`.
        case syncingUnits
    }

    /// Opens the store as `access` says and runs `body` with it and the Vietnamese strings.
    func run(
        _ access: Access = .syncingUnits, _ body: (AppDatabase, MessageCatalog) async throws -> Void
    ) async throws {
        let messages = content.messages()
        do {
            let store = switch access {
            case .readOnly: try AppDatabase.openExisting(path: database.path)
            case .existing: try database.openExisting()
            case .readWrite: try AppDatabase(path: database.path)
            case .syncingUnits: try await database.open(content: content)
            }
            try await body(store, messages)
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            throw failure(error, messages)
        }
    }
}
