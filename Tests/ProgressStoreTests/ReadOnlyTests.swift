import Foundation
import GRDB
import LearningCore
@testable import ProgressStore
import Testing
import TestSupport

@Suite("Opening a database only to read it")
struct ReadOnlyTests {
    /// The bytes and modification time of a file, to show it was not touched.
    static func fingerprint(_ path: String) throws -> (Data, Date?) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        return (data, modified)
    }

    @Test func aMissingFileIsRefusedByNameAndNothingIsCreated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("khong-co.sqlite").path
        #expect(throws: ProgressError(.missingDatabase, path)) { try AppDatabase.openExisting(path: path) }
        #expect(throws: ProgressError(.missingDatabase, folder.path), "a folder is not a database") {
            try AppDatabase.openExisting(path: folder.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no file, no -wal, no -shm")
    }

    @Test func readsWithoutWritingAnything() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register("Nguyễn Thị Lan", phone: "0912345678")
        // A backup, as it would sit on a USB stick: a file of its own, no -wal beside it.
        let copy = fixture.folder.appendingPathComponent("sao-luu.sqlite").path
        try fixture.database.backup(to: copy)
        let before = try Self.fingerprint(copy)

        let store = try AppDatabase.openExisting(path: copy)
        #expect(try await store.units().map(\.id) == StoreFixture.units.map(\.id).sorted())
        #expect(try await store.personalData(learnerID: learner.id).displayName == "Nguyễn Thị Lan")
        #expect(try await store.checkIntegrity().isHealthy)
        #expect(store.appliedMigrationsOrEmpty == AppDatabase.knownMigrations)
        await #expect(throws: (any Error).self, "the connection itself refuses writes") {
            try await store.saveUnits([CommuneUnit(id: "thon-moi", name: "Thôn mới", kind: .village)])
        }
        let after = try Self.fingerprint(copy)
        #expect(after.0 == before.0, "same bytes")
        #expect(after.1 == before.1, "same modification time")
    }

    @Test func aFileNeverMigratedIsNotMigrated() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("khac.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "CREATE TABLE ghi_chu (noi_dung TEXT)") }
        try queue.close()

        #expect(throws: ProgressError(.olderSchema, path)) { try AppDatabase.openExisting(path: path) }
        let check = try DatabaseQueue(path: path)
        let tables = try await check.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables == ["ghi_chu"], "no migration table, no app table")
    }

    @Test func aFileFromAnEarlierVersionIsRefusedUntilUpgradedNotGivenAWrongReport() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cu.sqlite").path
        // The schema as version 005 left it (the last migration before the rollups).
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "005-attempts-by-id-sign-in-audit")
        try queue.close()

        #expect(throws: ProgressError(.olderSchema, path)) { try AppDatabase.openExisting(path: path) }
        _ = try AppDatabase(path: path, hashing: .fastForTests)  // what `hoctap db upgrade` and `serve` do
        let upgraded = try AppDatabase.openExisting(path: path)
        #expect(try await upgraded.units().isEmpty)
    }

    @Test func aFileFromANewerVersionIsRefused() async throws {
        let fixture = try await StoreFixture()
        let queue = try DatabaseQueue(path: fixture.path)
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('999-from-the-future')")
        }
        try queue.close()
        #expect(throws: ProgressError(.newerSchema, fixture.path)) { try AppDatabase.openExisting(path: fixture.path) }
    }

    /// The real case: a backup in a folder nobody may write to. Root ignores permissions, so when the tests run as
    /// root the commands run as `nobody` (through `setpriv`), for whom the folder really is read-only: SQLite
    /// cannot create the `-shm` index beside the WAL-mode file, and the store falls back to an immutable open.
    @Test func reportsAndChecksFromABackupInAReadOnlyFolder() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.register("Nguyễn Thị Lan")
        let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("hoctap-usb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("sao-luu.sqlite").path
        try fixture.database.backup(to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let before = try Self.fingerprint(path)

        let content = Self.repositoryRoot.appendingPathComponent("Content").path
        let executable = try CrashTests.hoctapExecutable().path
        let asNobody = getuid() == 0 && Self.nobodyCanRun(executable, reading: content)
        for arguments in [["db", "check"], ["report", "figures", "--year", "2026"],
                          ["report", "yearly", "--year", "2026", "--format", "md"]] {
            let run = try Self.runHocTap(arguments + ["--db", path, "--content", content], asNobody: asNobody)
            #expect(run.status == 0, "\(arguments): \(run.errors)")
            #expect(!run.errors.contains("Lỗi"), "\(arguments): \(run.errors)")
        }
        let check = try Self.runHocTap(["db", "check", "--db", path, "--content", content], asNobody: asNobody)
        #expect(check.output.contains("toàn vẹn"))
        let courses = Self.repositoryRoot.appendingPathComponent("Courses").path
        let yearly = try Self.runHocTap(["report", "yearly", "--year", "2026", "--format", "md", "--db", path,
                                         "--content", content, "--courses", courses], asNobody: asNobody)
        #expect(yearly.status == 0 && yearly.output.contains("học tập số"), "\(yearly.errors)")
        let after = try Self.fingerprint(path)
        #expect(after.0 == before.0 && after.1 == before.1, "the backup is untouched")
        if asNobody {
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sao-luu.sqlite"],
                    "no -wal or -shm could be made, and none was needed")
        }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Whether `nobody` may run `executable` and read `folder` (not when the build sits below a private folder):
    /// otherwise the commands run as this user, and only the unchanged bytes show that nothing was written.
    static func nobodyCanRun(_ executable: String, reading folder: String) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        probe.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c",
                           "test -x \"$0\" && test -r \"$1/campaign.yaml\"", executable, folder]
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    /// Runs the built `hoctap`, as `nobody` when asked (and `setpriv` is there), and returns its exit status and
    /// output.
    static func runHocTap(_ arguments: [String], asNobody: Bool) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        let executable = try CrashTests.hoctapExecutable()
        if asNobody, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

extension AppDatabase {
    /// The applied migrations, or none if they cannot be read.
    fileprivate var appliedMigrationsOrEmpty: [String] { (try? appliedMigrations()) ?? [] }
}
