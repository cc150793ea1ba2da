import CampaignReports
import Foundation
import LearningCore
import ProgressStore
import Testing

/// `hoctap report …` refuses a wrong report with exit 1 and writes nothing, run in process over a copy of the
/// hand-counted fixture (its clock is the real one: the years asked for are far enough from it).
@Suite("Report commands refuse wrong reports")
struct ReportCommandRefusalTests {
    static func hoctap(_ arguments: [String]) async -> Int32 { await ReadOnlyCommandTests.hoctap(arguments) }
    static let content = ReadOnlyCommandTests.content
    static let courses = ReadOnlyCommandTests.courses

    /// A folder holding a copy of the fixture's database; removed at the end.
    final class Desk {
        let folder: URL
        let database: String
        let fixture: ReportFixture

        init() async throws {
            fixture = try await ReportFixture()
            folder = try ReadOnlyCommandTests.temporaryFolder()
            database = folder.appendingPathComponent("xa.sqlite").path
            try fixture.store.backup(to: database)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// Runs `hoctap report arguments` over the copy, writing to `output` in the folder.
        func report(_ arguments: [String], output: String = "bao-cao.md", content: String = ReportCommandRefusalTests.content,
                    courses: String = ReportCommandRefusalTests.courses) async -> Int32 {
            await ReportCommandRefusalTests.hoctap(["report"] + arguments + [
                "--format", output.hasSuffix(".json") ? "json" : "md", "--output", path(output),
                "--db", database, "--content", content, "--courses", courses,
            ])
        }

        func wrote(_ output: String = "bao-cao.md") -> Bool { FileManager.default.fileExists(atPath: path(output)) }
    }

    @Test func noCoursesFoundIsRefused() async throws {
        let desk = try await Desk()
        let empty = desk.path("khoa-hoc")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(await desk.report(["yearly", "--year", "2026"], courses: empty) == 1)
        #expect(!desk.wrote())
        #expect(await desk.report(["yearly", "--year", "2026"]) == 0, "the same with the courses is made")
        #expect(desk.wrote())
    }

    @Test func aConfiguredCourseThatNoCourseHasIsRefused() async throws {
        let desk = try await Desk()
        let content = desk.folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.content), to: content)
        let file = content.appendingPathComponent("campaign.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "nguoi-dan: [ky-nang-so-co-ban,", with: "nguoi-dan: [khoa-khong-co,")
        #expect(changed != text)
        try changed.write(to: file, atomically: true, encoding: .utf8)
        #expect(await desk.report(["yearly", "--year", "2026"], content: content.path) == 1)
        #expect(!desk.wrote())
    }

    @Test(arguments: [
        ["yearly", "--year", "2024"],
        ["yearly", "--year", "2099"],
        ["awards", "--year", "2024"],
        ["review", "--until", "2028"],
        ["review", "--until", "2099"],
        ["yearly", "--year", "2026", "--date", "2025-01-01"],
        ["yearly", "--year", "2026", "--unit", "khong-co"],
    ])
    func aWrongYearDateOrUnitIsRefused(arguments: [String]) async throws {
        let desk = try await Desk()
        #expect(await desk.report(arguments) == 1)
        #expect(!desk.wrote())
    }

    @Test func aMissingDatabaseIsRefusedWithExitOne() async throws {
        let folder = try ReadOnlyCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("khong-co.sqlite").path
        #expect(throws: ProgressError(.missingDatabase, path)) { try AppDatabase.openExisting(path: path) }
        #expect(await Self.hoctap(["report", "yearly", "--year", "2026", "--db", path, "--content", Self.content,
                                   "--courses", Self.courses]) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aUnitsJSONSaysWhoseItIs() async throws {
        let desk = try await Desk()
        #expect(await desk.report(["yearly", "--year", "2026", "--unit", "thon-a"], output: "thon-a.json") == 0)
        let unit = try JSONReportCoder.decode(Data(contentsOf: URL(fileURLWithPath: desk.path("thon-a.json"))))
        #expect(unit.unitID == "thon-a" && unit.byUnit.map(\.unitID) == ["thon-a"])
    }
}
