import Foundation
/// Every problem the loader can report, by its stable English key. The Vietnamese message for each lives in
/// `Content/strings/vi.yaml` under `diagnostics.<key>`; `Courses/README.md` lists them all.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    // Files and encoding
    case invalidUTF8 = "invalid-utf8"
    case unreadableFile = "unreadable-file"
    case missingCourseFile = "missing-course-file"
    case unknownFile = "unknown-file"
    case duplicateLessonNumber = "duplicate-lesson-number"
    // Front matter
    case missingFrontMatter = "missing-front-matter"
    case yamlSyntax = "yaml-syntax"
    case unknownKey = "unknown-key"
    case missingKey = "missing-key"
    case invalidValue = "invalid-value"
    case passMarkRange = "pass-mark-range"
    case unknownContent = "unknown-content"
    case unknownCompetence = "unknown-competence"
    case unknownAudience = "unknown-audience"
    case unknownLevel = "unknown-level"
    case idMismatch = "id-mismatch"
    case duplicateCourseID = "duplicate-course-id"
    // Lessons and Markdown
    case emptyLesson = "empty-lesson"
    case brokenLink = "broken-link"
    case rawHTML = "raw-html"
    case unsafeLink = "unsafe-link"
    // Quizzes and questions
    case emptyQuiz = "empty-quiz"
    case drawExceedsPool = "draw-exceeds-pool"
    case missingAnswer = "missing-answer"
    case noRightAnswer = "no-right-answer"
    case singleChoiceManyRight = "single-choice-many-right"
    case tooFewChoices = "too-few-choices"
    case invalidNumber = "invalid-number"
    case unknownAttribute = "unknown-attribute"
    case duplicateQuestionID = "duplicate-question-id"
    case missingExplanation = "missing-explanation"
    case strayContent = "stray-content"

    // Item writing (warnings; `hoctap check --strict` makes every warning an error). See `ItemWritingRules`.
    case itemTrueFalseBalance = "item-true-false-balance"
    case itemLongestRight = "item-longest-right"
    case itemSamePosition = "item-same-position"
    case itemAbsoluteWord = "item-absolute-word"
    case itemAllOrNone = "item-all-or-none"
    case itemSingleWrongChoice = "item-single-wrong-choice"
    case itemStemEcho = "item-stem-echo"

    /// Errors stop a course from being served; warnings do not.
    public var severity: Diagnostic.Severity {
        switch self {
        case .unknownFile, .rawHTML, .unsafeLink, .missingExplanation, .strayContent: .warning
        case .itemTrueFalseBalance, .itemLongestRight, .itemSamePosition, .itemAbsoluteWord, .itemAllOrNone,
             .itemSingleWrongChoice, .itemStemEcho: .warning
        default: .error
        }
    }
}
