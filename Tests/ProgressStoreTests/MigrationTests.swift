import Foundation
import GRDB
import LearningCore
import ProgressStore
import Testing
import TestSupport

@Suite("Migrations and the schema version")
struct MigrationTests {
    @Test func migratesAnEmptyFile() async throws {
        let fixture = try await StoreFixture()
        #expect(try fixture.database.appliedMigrations() == AppDatabase.knownMigrations)
        #expect(try await fixture.database.checkIntegrity().isHealthy)
        // Opening again applies nothing new and keeps the data.
        try fixture.reopen()
        #expect(try await fixture.database.units().count == StoreFixture.units.count)
    }

    @Test func refusesAFileFromANewerVersion() async throws {
        let fixture = try await StoreFixture()
        let queue = try DatabaseQueue(path: fixture.path)
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('999-from-the-future')")
        }
        try queue.close()
        #expect(throws: ProgressError(.newerSchema, fixture.path)) {
            try fixture.reopen()
        }
    }

    @Test func theWriterSyncsEveryCommit() async throws {
        let fixture = try await StoreFixture()
        // 2 is FULL: with WAL, NORMAL (1) could lose the last acknowledged attempts on a power cut.
        #expect(try fixture.database.writerSynchronousSetting() == 2)
        let bulk = try AppDatabase(path: fixture.folder.appendingPathComponent("bulk.sqlite").path,
                                   hashing: .fastForTests, durability: .bulkLoad)
        #expect(try bulk.writerSynchronousSetting() == 0)
    }

    @Test func walModeAndForeignKeysAreOn() async throws {
        let fixture = try await StoreFixture()
        let queue = try DatabaseQueue(path: fixture.path)
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // A lesson event for a learner who does not exist is refused, not stored.
        await #expect(throws: ProgressError(.unknownLearner, "42")) {
            try await fixture.database.recordLessonVisit(learnerID: 42, courseID: "c", lessonID: "l", at: Date())
        }
    }
}
