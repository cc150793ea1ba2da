import Foundation
import LearningCore
import PostgresStore
import PostgresTestSupport
import ProgressStore
import Testing
import TestSupport

/// `hoctap db copy --from FILE --to postgres://… --commune ID`: the counts in the file and in the city database
/// before and after, in Vietnamese; a second run adds nothing; a file that is not there is named.
@Suite("hoctap db copy")
struct DatabaseCopyCommandTests {
    /// A small commune file: two learners, a lesson read, a final attempt.
    static func communeFile(in folder: URL) async throws -> String {
        let path = folder.appendingPathComponent("xa.sqlite").path
        let file = try AppDatabase(path: path, hashing: .fastForTests)
        try await file.saveUnits(CourseFixtures.units)
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        let lan = try await file.register(NewLearner(displayName: "Lan", unitID: "thon-1", category: .citizens), at: at)
        _ = try await file.register(NewLearner(displayName: "Hùng", unitID: "thon-2", category: .workers), at: at)
        _ = try await file.recordLessonCompletion(learnerID: lan.id, courseID: "khoa", lessonID: "01", at: at,
                                                  completing: nil)
        return path
    }

    @Test(.enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
    func theCountsArePrintedBeforeAndAfterAndASecondRunAddsNothing() async throws {
        let folder = try ReadOnlyCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try await Self.communeFile(in: folder)
        let city = try await PostgresTestServer.freshDatabase()
        let address = "postgres://\(city.username)@\(city.host):\(city.port)/\(city.database)"
        let arguments = ["db", "copy", "--from", source, "--to", address, "--commune", "xa-thu",
                         "--content", ReadOnlyCommandTests.content]
        let first = try HoctapExecutable.run(arguments)
        #expect(first.status == 0, "\(first.error)")
        let firstLines = String(decoding: first.output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(firstLines.contains("Người học\t2\t0\t2"))
        #expect(firstLines.contains("Lượt xem, học xong bài học\t1\t0\t1"))
        #expect(firstLines.contains("Đơn vị\t2\t0\t2"))
        let second = try HoctapExecutable.run(arguments)
        #expect(second.status == 0)
        let secondLines = String(decoding: second.output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(secondLines.contains("Người học\t2\t2\t2"))
        #expect(secondLines.contains("Lượt xem, học xong bài học\t1\t1\t1"))
        try await PostgresTestServer.drop(city)
    }

    @Test func aFileThatIsNotThereIsNamedAndNothingIsCopied() throws {
        let result = try HoctapExecutable.run([
            "db", "copy", "--from", "/nonexistent/xa.sqlite", "--to", "postgres://hoctap@127.0.0.1:1/city",
            "--commune", "xa-thu", "--content", ReadOnlyCommandTests.content,
        ])
        #expect(result.status == 1)
        #expect(result.error.contains("Không có tệp cơ sở dữ liệu /nonexistent/xa.sqlite"))
    }
}
