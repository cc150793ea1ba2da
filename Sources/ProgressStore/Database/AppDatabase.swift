public import Foundation
import GRDB
public import LearningCore
// What both stores share (secret hashing, certificate codes, stored responses), re-exported so that callers of
// `AppDatabase(path:hashing:)` keep naming `SecretHashing` through this module.
@_exported public import StoreSupport

/// The progress store: SQLite through GRDB, migrated on open, in WAL mode with foreign keys on.
///
/// Durability: every connection runs with `synchronous = FULL`, so a transaction that has returned (an attempt
/// acknowledged to a learner) has been synced to disk and survives a crash or power cut. `secure_delete` is on,
/// so anonymised personal data is overwritten, not left in free pages.
public struct AppDatabase: ProgressRepository {
    let writer: any DatabaseWriter
    let hashing: SecretHashing
    /// Submissions share synced commits (group commit).
    let submissions: GroupCommit
    /// How the rollups of this file cut time (local days, reporting years): stored in the file.
    let calendar: RollupCalendar
    /// Where the period figures come from: the rollups, or the raw events (for proofs and benchmarks).
    public var reportingSource: ReportingSource = .fromEnvironment

    /// How hard each commit works to reach the disk.
    public enum Durability: Sendable {
        /// `synchronous = FULL`: what every front uses.
        case full
        /// `synchronous = OFF`: only for filling a fresh demonstration database in bulk, where a crash costs
        /// nothing but a rerun.
        case bulkLoad

        var pragmaValue: String { self == .full ? "FULL" : "OFF" }
    }

    /// Opens (creating if needed) the database file at `path`, as a pool: reports read while kiosks write.
    public init(path: String, hashing: SecretHashing = .standard, durability: Durability = .full) throws {
        let pool = try DatabasePool(path: path, configuration: Self.makeConfiguration(durability))
        // GRDB sets `synchronous = NORMAL` on the pool's writer when it turns WAL on, after `prepareDatabase` has
        // run: set it again on the writer, the one connection that commits.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability.pragmaValue)")
        }
        try self.init(pool, hashing: hashing)
    }

    /// The `synchronous` setting of the connection that writes: 2 (FULL) unless bulk loading.
    public func writerSynchronousSetting() throws -> Int {
        try writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// An in-memory database, for tests where the file does not matter.
    public static func inMemory(hashing: SecretHashing = .fastForTests) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()), hashing: hashing)
    }

    init(_ writer: any DatabaseWriter, hashing: SecretHashing) throws {
        self.writer = writer
        self.hashing = hashing
        submissions = GroupCommit(writer: writer)
        let migrator = Migrations.migrator
        // A file written by a newer version of the app is never "migrated" backwards.
        let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
        if superseded {
            throw ProgressError(.newerSchema, writer.path)
        }
        try migrator.migrate(writer)
        calendar = try writer.read { db in try Rollups.calendar(db) }
    }

    static func makeConfiguration(_ durability: Durability = .full) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        let synchronous = durability.pragmaValue
        let trace = SQLTrace.shared
        if trace != nil { config.publicStatementArguments = true }
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            try db.execute(sql: "PRAGMA secure_delete = ON")
            if let trace {
                db.trace { event in trace.record(event.expandedDescription) }
            }
        }
        return config
    }

    /// The migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// The migrations this version of the app knows.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }
}
