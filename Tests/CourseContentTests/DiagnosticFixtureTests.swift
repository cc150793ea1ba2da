import CourseContent
import Foundation
import LearningCore
import Testing

@Suite("Every diagnostic, at its exact position")
struct DiagnosticFixtureTests {
    static let result = CourseLoader().load(directory: FixturePaths.fixtures("broken"), displayPath: "broken")

    /// One fixture folder per problem: (file below `broken/`, line, column, code).
    static let expected: [(String, Int, Int, DiagnosticCode)] = [
        ("bad-invalid-utf8/01-bai-mot.md", 6, 7, .invalidUTF8),
        ("bad-unreadable-file/01-bai-mot.md", 1, 1, .unreadableFile),
        ("bad-missing-course-file/course.md", 1, 1, .missingCourseFile),
        ("bad-unknown-file/ghi-chu.md", 1, 1, .unknownFile),
        ("bad-duplicate-lesson-number/01-bai-mot.md", 1, 1, .duplicateLessonNumber),
        ("bad-missing-front-matter/01-bai-mot.md", 1, 1, .missingFrontMatter),
        ("bad-yaml-syntax/01-bai-mot.md", 3, 8, .yamlSyntax),
        ("bad-unknown-key/course.md", 13, 1, .unknownKey),
        ("bad-missing-key/course.md", 1, 1, .missingKey),
        ("bad-invalid-value/01-bai-mot.md", 3, 10, .invalidValue),
        ("bad-pass-mark-range/course.md", 10, 12, .passMarkRange),
        ("bad-unknown-content/course.md", 6, 15, .unknownContent),
        ("bad-unknown-competence/course.md", 7, 22, .unknownCompetence),
        ("bad-unknown-audience/course.md", 5, 23, .unknownAudience),
        ("bad-unknown-level/course.md", 8, 8, .unknownLevel),
        ("bad-id-mismatch/course.md", 2, 5, .idMismatch),
        ("dup-a/course.md", 2, 5, .duplicateCourseID),
        ("dup-b/course.md", 2, 5, .duplicateCourseID),
        ("bad-empty-lesson/01-bai-mot.md", 7, 1, .emptyLesson),
        ("bad-broken-link/01-bai-mot.md", 6, 5, .brokenLink),
        ("bad-broken-link/01-bai-mot.md", 6, 34, .brokenLink),
        ("bad-raw-html/01-bai-mot.md", 6, 1, .rawHTML),
        ("bad-unsafe-link/01-bai-mot.md", 6, 1, .unsafeLink),
        ("bad-empty-quiz/quiz.md", 4, 1, .emptyQuiz),
        ("bad-draw-exceeds-pool/quiz.md", 3, 7, .drawExceedsPool),
        ("bad-missing-answer/01-bai-mot.md", 10, 1, .missingAnswer),
        ("bad-no-right-answer/01-bai-mot.md", 12, 1, .noRightAnswer),
        ("bad-single-choice-many-right/01-bai-mot.md", 13, 1, .singleChoiceManyRight),
        ("bad-too-few-choices/01-bai-mot.md", 12, 1, .tooFewChoices),
        ("bad-invalid-number/01-bai-mot.md", 12, 13, .invalidNumber),
        ("bad-unknown-attribute/01-bai-mot.md", 10, 1, .unknownAttribute),
        ("bad-duplicate-question-id/quiz.md", 12, 1, .duplicateQuestionID),
        ("bad-missing-explanation/01-bai-mot.md", 10, 1, .missingExplanation),
        ("bad-stray-content/01-bai-mot.md", 17, 1, .strayContent),
        ("bad-item-true-false-balance/course.md", 1, 1, .itemTrueFalseBalance),
        ("bad-item-longest-right/course.md", 1, 1, .itemLongestRight),
        ("bad-item-same-position/course.md", 1, 1, .itemSamePosition),
        ("bad-item-absolute-word/01-bai-mot.md", 10, 1, .itemAbsoluteWord),
        ("bad-item-all-or-none/01-bai-mot.md", 10, 1, .itemAllOrNone),
        ("bad-item-single-wrong-choice/01-bai-mot.md", 10, 1, .itemSingleWrongChoice),
        ("bad-item-stem-echo/01-bai-mot.md", 10, 1, .itemStemEcho),
    ]

    @Test(arguments: expected.indices)
    func reportsAtItsPosition(index: Int) {
        let (file, line, column, code) = Self.expected[index]
        let found = Self.result.diagnostics.filter { $0.path == "broken/\(file)" && $0.code == code }
        #expect(found.map { "\($0.line):\($0.column)" }.contains("\(line):\(column)"),
                "\(code.rawValue) in \(file): found \(found.map { "\($0.line):\($0.column)" })")
    }

    @Test func everyDiagnosticCodeHasAFixture() {
        let covered = Set(Self.expected.map(\.3))
        let missing = DiagnosticCode.allCases.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "no fixture for \(missing.map(\.rawValue))")
    }

    @Test func eachFixtureReportsOnlyItsOwnProblem() {
        // Cascades make authors chase ghosts: one broken question must not also say "the quiz is empty".
        for diagnostic in Self.result.diagnostics {
            let folder = diagnostic.path.split(separator: "/")[1]
            let intended = Self.expected.filter { $0.0.hasPrefix("\(folder)/") }.map(\.3)
            let allowed = folder == "dup-b" ? intended + [.idMismatch] : intended
            #expect(allowed.contains(diagnostic.code), "unexpected \(diagnostic.code.rawValue) in \(diagnostic.path)")
        }
    }

    @Test func coursesWithErrorsAreNotServedButTheOthersAre() {
        let served = Set(Self.result.courses.map(\.id))
        #expect(served == ["bad-unknown-file", "bad-raw-html", "bad-unsafe-link", "bad-missing-explanation",
                           "bad-stray-content", "bad-item-true-false-balance", "bad-item-longest-right",
                           "bad-item-same-position", "bad-item-absolute-word", "bad-item-all-or-none",
                           "bad-item-single-wrong-choice", "bad-item-stem-echo"],
                "courses with only warnings load; those with errors do not")
        #expect(Self.result.rejectedFolders.contains("bad-invalid-utf8"))
        #expect(Self.result.errorCount > 0)
    }

    @Test func formattedAsPathLineColumnInVietnamese() throws {
        let messages = try MessageCatalog(contentDirectory: FixturePaths.content)
        let diagnostic = try #require(Self.result.diagnostics.first { $0.code == .singleChoiceManyRight })
        #expect(diagnostic.formatted(with: messages) == "broken/bad-single-choice-many-right/01-bai-mot.md:13:1: "
            + "lỗi: Câu hỏi một đáp án nhưng có 2 lựa chọn được đánh dấu đúng; thêm {multiple} nếu cho chọn nhiều "
            + "[single-choice-many-right]")
    }

    @Test func everyCodeHasAVietnameseMessage() throws {
        let messages = try MessageCatalog(contentDirectory: FixturePaths.content)
        for code in DiagnosticCode.allCases {
            #expect(messages.contains("diagnostics.\(code.rawValue)"), "no message for \(code.rawValue)")
        }
    }
}
