import CourseContent
import Foundation
import LearningCore
import Testing

@Suite("Malformed files never crash the loader")
struct RobustnessTests {
    /// Pieces of course files, valid and not, glued together at random.
    static let fragments = [
        "---\n", "title: Bài\n", "minutes: 5\n", "check:\n  draw: 2\n", "check: [\n", "---\n", "\n",
        "# Kiểm tra\n", "## Câu hỏi? {#x multiple}\n", "## {}\n", "- [x] Có\n", "- [ ] Không\n", "- [X]\n",
        "> Giải thích\n", "Đáp án: `a`\n", "Đáp án số: `1,5` `x`\n", "Đáp án số:\n", "| a |\n| - |\n",
        "<script>x</script>\n", "[l](../../../etc/passwd)\n", "![i]()\n", "```\ncode\n", "  - [x] lồng\n",
        "\u{FEFF}", "\r\n", "Đ\u{0301}\n", "{#}\n", "title:\n", "required: có\n",
    ]

    @Test func randomFilesLoadWithoutCrashing() throws {
        var random = SplitMix64(seed: 2026)
        let folder = try TemporaryCourses()
        for index in 0..<40 {
            let course = folder.url.appendingPathComponent("khoa-\(index)")
            try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
            for file in ["course.md", "01-bai.md", "quiz.md"] {
                let count = Int.random(in: 0...25, using: &random)
                let text = (0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
                try text.write(to: course.appendingPathComponent(file), atomically: true, encoding: .utf8)
            }
        }
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: folder.url.appendingPathComponent("khoa-0/02-nhi-phan.md"))
        let result = CourseLoader().load(directory: folder.url, displayPath: "ngau-nhien")
        #expect(!result.diagnostics.isEmpty)
        let misplaced = result.diagnostics.filter { $0.line < 1 || $0.column < 1 }
        #expect(misplaced.isEmpty, "\(misplaced.map { "\($0.path):\($0.line):\($0.column) \($0.code.rawValue)" })")
        #expect(result.diagnostics.contains { $0.code == .invalidUTF8 && $0.path.hasSuffix("02-nhi-phan.md") })
    }

    @Test func aBadCourseDoesNotStopTheOthers() throws {
        let folder = try TemporaryCourses(copying: FixturePaths.fixtures("valid"))
        let broken = folder.url.appendingPathComponent("hong")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "không có phần đầu".write(to: broken.appendingPathComponent("course.md"), atomically: true, encoding: .utf8)
        let result = CourseLoader().load(directory: folder.url, displayPath: "x")
        #expect(result.courses.map(\.id) == ["mau"])
        #expect(result.rejectedFolders == ["hong"])
    }
}

@Suite("Checking one course folder")
struct SingleCourseFolderTests {
    @Test func aFolderWithCourseMdIsCheckedAsOneCourse() {
        let result = CourseLoader().load(
            directory: FixturePaths.fixtures("valid").appendingPathComponent("mau"), displayPath: "valid/mau")
        #expect(result.courses.map(\.id) == ["mau"])
        let broken = CourseLoader().load(
            directory: FixturePaths.fixtures("broken").appendingPathComponent("bad-unknown-level"),
            displayPath: "broken/bad-unknown-level")
        #expect(broken.diagnostics.map(\.path) == ["broken/bad-unknown-level/course.md"])
    }
}
