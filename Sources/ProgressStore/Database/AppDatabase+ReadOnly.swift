import Foundation
import GRDB
public import StoreSupport
import LearningCore

extension AppDatabase {
    /// Opens an existing database file for reading only: what `db check`, the reports and a learner's data
    /// export use. Nothing is ever created, migrated or written: a missing file is refused
    /// (`ProgressError.missingDatabase`), a file from a newer version of the app too (`.newerSchema`), and the
    /// connection itself is read-only, so any write would fail.
    ///
    /// A file on read-only media (a backup on a USB stick, a folder without write permission) can still be read.
    /// A file in WAL mode needs its `-shm` index, which SQLite cannot create in such a folder: then the file is
    /// opened as immutable (`?immutable=1`), which is safe there since nobody can be writing to it either — unless
    /// a `-wal` file with content lies beside it, whose transactions an immutable reader would miss; that case is
    /// refused rather than reported wrongly.
    public static func openExisting(path: String, hashing: SecretHashing = .standard) throws -> AppDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ProgressError(.missingDatabase, path)
        }
        let queue: DatabaseQueue
        do {
            queue = try openReadOnly(sqlitePath: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY
            || error.resultCode == .SQLITE_CANTOPEN {
            // SQLite could not set up the WAL index beside the file: a read-only folder.
            guard walIsEmpty(path), let immutable = try? openReadOnly(sqlitePath: immutableURI(path)) else {
                throw error
            }
            queue = immutable
        }
        return try AppDatabase(readingOnly: queue, path: path, hashing: hashing)
    }

    /// A read-only store over `reader`, checked against the known migrations but never migrated.
    init(readingOnly reader: DatabaseQueue, path: String, hashing: SecretHashing) throws {
        self.writer = reader
        self.hashing = hashing
        submissions = GroupCommit(writer: reader)
        let superseded = try reader.read { db in try Migrations.migrator.hasBeenSuperseded(db) }
        if superseded {
            throw ProgressError(.newerSchema, path)
        }
        // A file an earlier version wrote lacks tables this one reads; only a command that may write upgrades it.
        guard try reader.read({ db in try Migrations.migrator.hasCompletedMigrations(db) }) else {
            throw ProgressError(.olderSchema, path)
        }
        calendar = try reader.read { db in try Rollups.calendar(db) }
    }

    /// A read-only connection on `sqlitePath` (a path, or a `file:` URI), with a first read to make sure the
    /// file can really be read (SQLite opens lazily: the WAL index is only set up on the first read).
    private static func openReadOnly(sqlitePath: String) throws -> DatabaseQueue {
        var configuration = makeConfiguration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: sqlitePath, configuration: configuration)
        do {
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch {
            try? queue.close()
            throw error
        }
        return queue
    }

    /// The `file:` URI that opens `path` as immutable (SQLite's URI filenames are on in the system library).
    static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(encoded)?immutable=1"
    }

    /// True when no `-wal` file with content lies beside `path`.
    private static func walIsEmpty(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return size == 0
    }
}
