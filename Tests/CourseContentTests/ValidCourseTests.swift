import CourseContent
import Foundation
import LearningCore
import Testing

@Suite("A valid course, read whole")
struct ValidCourseTests {
    static let result = CourseLoader().load(directory: FixturePaths.fixtures("valid"), displayPath: "valid")

    private var course: Course { Self.result.courses[0] }

    @Test func loadsCleanly() {
        #expect(Self.result.diagnostics.isEmpty, "\(Self.result.diagnostics)")
        #expect(Self.result.courses.map(\.id) == ["mau"])
    }

    @Test func courseFrontMatter() {
        #expect(course.title == "Khoá học mẫu")
        #expect(course.audience == [.citizens, .officials])
        #expect(course.contents.map(\.rawValue) == [2, 7])
        #expect(course.competences.map(\.description) == ["1.1", "4.2"])
        #expect(course.level == .basic)
        #expect(course.passMark == 80)
        #expect(course.version == 3)
        #expect(course.introductionHTML.contains("<strong>hai</strong>"))
    }

    @Test func lessonsInOrderWithTheirChecks() throws {
        #expect(course.lessons.map(\.id) == ["01-mat-khau", "02-otp"])
        #expect(course.lessons.map(\.isRequired) == [true, false])
        let check = try #require(course.lessons[0].check)
        #expect(check.settings.passMark == 100)
        #expect(check.settings.attemptsAllowed == 2)
        #expect(check.settings.feedback == .afterEachQuestion, "a lesson check gives feedback at once by default")
        #expect(check.questions.count == 1)
        #expect(course.lessons[1].check == nil)
        #expect(course.lessons[0].bodyHTML.contains("<table>"), "GFM tables render")
        #expect(!course.lessons[0].bodyHTML.contains("Kiểm tra"), "the check is not part of the lesson body")
        #expect(course.lessons[0].bodyMarkdown.hasPrefix("Một mật khẩu mạnh"))
        #expect(!course.lessons[0].bodyMarkdown.contains("# Kiểm tra"))
    }

    @Test func choiceFeedbackAndExplanation() throws {
        let question = try #require(course.lessons[0].check?.questions.first)
        #expect(question.id == "mau/01-mat-khau/1", "derived id: course, file, position")
        let choices = question.answerKey.choices
        #expect(choices.map(\.id) == ["a", "b"])
        #expect(choices.map(\.isCorrect) == [false, true])
        #expect(choices[0].feedbackText == "Dãy số này nằm trong những mật khẩu bị dò đầu tiên.")
        #expect(question.explanationText == "Mật khẩu dài, không liên quan tới thông tin cá nhân thì khó đoán.")
        #expect(question.promptText == "Mật khẩu nào mạnh nhất?")
    }

    @Test func finalQuizSettingsAndEveryKind() throws {
        let quiz = try #require(course.finalQuiz)
        #expect(quiz.title == "Bài kiểm tra cuối khoá")
        #expect(quiz.settings == QuizSettings(
            passMark: 60, shuffleQuestions: true, shuffleChoices: true, drawCount: 4, timeLimitSeconds: 900,
            attemptsAllowed: 3, feedback: .whenClosed, partialCredit: true))
        #expect(quiz.questions.map(\.kind) == [
            .singleChoice, .multipleChoice, .multipleChoice, .trueFalse, .shortText, .number,
        ])
        #expect(quiz.questions.map(\.id) == [
            "mau/mat-khau", "mau/bao-ve", "mau/khong-dang", "mau/quiz/4", "mau/ung-dung", "mau/quiz/6",
        ])
        guard case .multipleChoice(_, let strict) = quiz.questions[1].answerKey,
              case .multipleChoice(_, let followsQuiz) = quiz.questions[2].answerKey
        else {
            Issue.record("expected multiple choice")
            return
        }
        #expect(strict == false)
        #expect(followsQuiz == nil)
        guard case .shortText(let text) = quiz.questions[4].answerKey else { return }
        #expect(text.accepted == ["VNeID", "VNe ID"])
        #expect(text.ignoresDiacritics)
        guard case .number(let number) = quiz.questions[5].answerKey else { return }
        #expect(number.value == 6)
        #expect(number.tolerance == 0)
        #expect(!quiz.questions[1].promptHTML.contains("{"), "the attribute block is not shown to learners")
    }

    @Test func contentHashIsStableAndFollowsTheText() throws {
        let again = CourseLoader().load(directory: FixturePaths.fixtures("valid"), displayPath: "valid")
        let first = try #require(course.finalQuiz?.questions.map(\.contentHash))
        #expect(again.courses[0].finalQuiz?.questions.map(\.contentHash) == first)
        #expect(Set(first).count == first.count, "different questions, different hashes")

        let copy = try TemporaryCourses(copying: FixturePaths.fixtures("valid"))
        let quizFile = copy.url.appendingPathComponent("mau/quiz.md")
        let text = try String(contentsOf: quizFile, encoding: .utf8)
        try text.replacingOccurrences(of: "- [x] Một câu dài", with: "- [x] Một câu thật dài")
            .write(to: quizFile, atomically: true, encoding: .utf8)
        let edited = CourseLoader().load(directory: copy.url, displayPath: "copy")
        let hashes = try #require(edited.courses.first?.finalQuiz?.questions.map(\.contentHash))
        #expect(hashes[0] != first[0], "editing a choice changes the hash")
        #expect(Array(hashes.dropFirst()) == Array(first.dropFirst()), "the other questions keep theirs")
    }

    /// Attempts keep the hash of what they were asked: a faster way of computing it must give the same values.
    @Test func contentHashesOfEveryKindStayAsFirstStored() throws {
        let hashes = try #require(course.finalQuiz?.questions.map(\.contentHash))
        #expect(hashes == [
            "451817ddfdd94945", "9c7f41c863dedccd", "9f9802d58ae901b5", "41137725b5487bd1", "637dc4bb7665790e",
            "95a9dd472a0a38f5",
        ])
    }

    @Test func textIsNormalisedToNFC() throws {
        let copy = try TemporaryCourses(copying: FixturePaths.fixtures("valid"))
        for file in ["mau/course.md", "mau/quiz.md"] {
            let url = copy.url.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.decomposedStringWithCanonicalMapping.write(to: url, atomically: true, encoding: .utf8)
        }
        let loaded = CourseLoader().load(directory: copy.url, displayPath: "copy")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let course = try #require(loaded.courses.first)
        #expect(course.title == "Khoá học mẫu".precomposedStringWithCanonicalMapping)
        #expect(course.title.unicodeScalars.elementsEqual("Khoá học mẫu".precomposedStringWithCanonicalMapping.unicodeScalars))
        let question = try #require(course.finalQuiz?.questions.first { $0.kind == .shortText })
        let credit = Grader.credit(for: .text("vne id"), to: question, partialCreditDefault: false)
        #expect(credit == .full)
    }
}
