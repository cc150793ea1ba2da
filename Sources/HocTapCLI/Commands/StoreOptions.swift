import ArgumentParser
import CourseContent
import Foundation
import ProgressStore

/// The database and content options of every command that works on the store, and the one place where such a
/// command opens it and turns a failure into a Vietnamese message and a non-zero exit.
struct StoreOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var content: ContentOptions

    /// Opens the store (bringing its units in line with the configuration unless `syncUnits` is false, as for
    /// `db check`, which must not write) and runs `body` with it and the Vietnamese strings.
    func run(
        syncUnits: Bool = true, _ body: (AppDatabase, MessageCatalog) async throws -> Void
    ) async throws {
        let messages = content.messages()
        do {
            let store = syncUnits ? try await database.open(content: content) : try AppDatabase(path: database.path)
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
