import ArgumentParser
import Foundation
import HocTapCLI
import LearningCore
import ProgressStore
import Testing

@Suite("Commands that only read never create or change a database")
struct ReadOnlyCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let content = root.appendingPathComponent("Content").path
    static let courses = root.appendingPathComponent("Courses").path

    /// Runs `hoctap arguments` in this process; returns its exit status.
    static func hoctap(_ arguments: [String]) async -> Int32 {
        do {
            var command = try HocTapCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return HocTapCommand.exitCode(for: error).rawValue
        }
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: [
        ["db", "check"],
        ["report", "figures", "--year", "2026"],
        ["report", "yearly", "--year", "2026", "--format", "md"],
        ["report", "review", "--until", "2027", "--format", "json"],
        ["report", "awards", "--year", "2026", "--format", "csv"],
        ["report", "items", "--course", "ky-nang-so-co-ban", "--year", "2026", "--format", "json"],
        ["learners", "show", "1"],
        ["learners", "export", "1"],
    ])
    func onAMissingFileTheyFailAndLeaveNoFile(command: [String]) async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("khong-co.sqlite").path
        let status = await Self.hoctap(command + ["--db", path, "--content", Self.content])
        #expect(status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty,
                "no database, no -wal, no -shm")
    }

    @Test func reportAndCheckLeaveTheFileAsItWas() async throws {
        let fixture = try await ReportFixture()
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sao-luu.sqlite").path
        try fixture.store.backup(to: path)
        // Root ignores file modes, so the mode is not the guarantee here: the read-only connection is. The file's
        // bytes and modification time show nothing was written (the suite in ProgressStoreTests runs the real
        // binary as `nobody` on a read-only folder).
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let output = folder.appendingPathComponent("bao-cao.json").path
        let options = ["--db", path, "--content", Self.content]

        #expect(await Self.hoctap(["db", "check"] + options) == 0)
        #expect(await Self.hoctap(["report", "yearly", "--year", "2026", "--format", "json", "--output", output,
                                   "--courses", Self.courses] + options) == 0)
        #expect(await Self.hoctap(["report", "figures", "--year", "2026"] + options) == 0)

        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(report is [String: Any], "the report was written")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
        let units = try await AppDatabase.openExisting(path: path).units().map(\.id)
        #expect(units == ["phong-x", "thon-a", "thon-b"], "the configuration's units were not synced into it")
    }
}
