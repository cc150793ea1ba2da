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

    @Test func aUnitsJSONSaysWhoseItIsAndIsNotMergedWithCommunes() async throws {
        let desk = try await Desk()
        #expect(await desk.report(["yearly", "--year", "2026", "--unit", "thon-a"], output: "thon-a.json") == 0)
        let unit = try JSONReportCoder.decode(Data(contentsOf: URL(fileURLWithPath: desk.path("thon-a.json"))))
        #expect(unit.unitID == "thon-a" && unit.byUnit.map(\.unitID) == ["thon-a"])
        #expect(await Self.hoctap(["report", "merge", desk.path("thon-a.json"), "--content", Self.content]) == 1)
    }

    /// The real binary, for the words on standard error and the exit status of what used to crash.
    @Test func mergeNamesADifferentKindAndRefusesOverflowInsteadOfCrashing() async throws {
        let desk = try await Desk()
        let yearly = try await desk.fixture.builder(now: ReportFixture.local(2026, 12, 20)).yearly(2026)
        var awards = yearly
        awards.kind = .awards
        awards.commune = "Ủy ban nhân dân xã Khác"
        var big = yearly
        big.totals.registered = Int.max / 2 + 1
        big.byUnit[0].figures.registered = Int.max / 2 + 1 - (yearly.totals.registered - yearly.byUnit[0].figures.registered)
        var bigToo = big
        bigToo.commune = "Ủy ban nhân dân xã Lớn"
        for (name, report) in [("a.json", yearly), ("b.json", awards), ("c.json", big), ("d.json", bigToo)] {
            try JSONReportCoder.encode(report).write(to: URL(fileURLWithPath: desk.path(name)))
        }
        let kind = try merge([desk.path("a.json"), desk.path("b.json")])
        #expect(kind.status == 1)
        #expect(kind.errors.contains("là đề xuất khen thưởng, khác loại với tệp đầu tiên (báo cáo năm)"), "\(kind.errors)")
        let overflow = try merge([desk.path("c.json"), desk.path("d.json")])
        #expect(overflow.status == 1, "exit 1, not a trap")
        #expect(overflow.errors.contains("có số liệu lớn bất thường (totals.registered = \(Int.max / 2 + 1))"),
                "\(overflow.errors)")
    }

    private func merge(_ files: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = try StaffCommandTests.executable()
        process.arguments = ["report", "merge"] + files + ["--content", Self.content]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
