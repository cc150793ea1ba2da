import CourseContent
import Foundation
import LearningCore
import Testing

@Suite("The bundled Courses/ folder")
struct BundledCoursesTests {
    static let result = CourseLoader().load(directory: FixturePaths.bundledCourses, displayPath: "Courses")

    @Test func loadsWithNoErrorsAndNoWarnings() throws {
        let messages = try MessageCatalog(contentDirectory: FixturePaths.content)
        #expect(Self.result.diagnostics.isEmpty,
                "\(Self.result.diagnostics.map { $0.formatted(with: messages) }.joined(separator: "\n"))")
        #expect(Self.result.rejectedFolders.isEmpty)
        #expect(!Self.result.courses.isEmpty)
    }

    @Test func theBasicsCourseIsCompleteAndItsFinalQuizUsesEveryKind() throws {
        let found = Self.result.courses.first { $0.id == "ky-nang-so-co-ban" }
        guard let course = found, let quiz = course.finalQuiz else {
            Issue.record("ky-nang-so-co-ban with a final quiz is not in the catalogue")
            return
        }
        #expect(course.lessons.count >= 4)
        #expect(course.lessons.allSatisfy { $0.check != nil })
        #expect(Set(quiz.questions.map(\.kind)) == Set(QuestionKind.allCases))
        #expect(quiz.questions.allSatisfy { $0.explanationHTML != nil })
    }

    @Test func everyQuestionIDIsUniqueAcrossTheCatalogue() {
        let ids = Self.result.courses.flatMap { $0.quizzes.flatMap { $0.questions.map(\.id) } }
        #expect(Set(ids).count == ids.count)
    }
}
