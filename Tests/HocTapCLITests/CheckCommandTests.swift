import Foundation
import Testing
import TestSupport

/// `hoctap check` as an author runs it: warnings about how questions are written leave the exit status 0, and
/// `--strict` makes them errors (exit 1, labelled "lỗi"); the bundled catalogue passes `--strict`.
@Suite("hoctap check --strict")
struct CheckCommandTests {
    static let root = ReadOnlyCommandTests.root

    static func check(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try HoctapExecutable.run(
            ["check"] + arguments + ["--content", root.appendingPathComponent("Content").path])
        return (result.status, String(decoding: result.output, as: UTF8.self) + result.error)
    }

    @Test func anItemWritingWarningFailsOnlyUnderStrict() throws {
        let fixture = Self.root.appendingPathComponent("Tests/CourseContentTests/Fixtures/broken/bad-item-absolute-word").path
        let plain = try Self.check([fixture])
        #expect(plain.status == 0)
        #expect(plain.output.contains("01-bai-mot.md:10:1: cảnh báo: Câu sai có từ tuyệt đối \"luôn\""))
        #expect(plain.output.contains("0 lỗi, 1 cảnh báo."))
        let strict = try Self.check(["--strict", fixture])
        #expect(strict.status == 1)
        #expect(strict.output.contains("01-bai-mot.md:10:1: lỗi: Câu sai có từ tuyệt đối \"luôn\""))
        #expect(strict.output.contains("1 lỗi, 0 cảnh báo."))
    }

    @Test func theBundledCataloguePassesStrict() throws {
        let result = try Self.check(["--strict", Self.root.appendingPathComponent("Courses").path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("9 khoá học dùng được"))
        #expect(result.output.contains("0 lỗi, 0 cảnh báo."))
    }
}
