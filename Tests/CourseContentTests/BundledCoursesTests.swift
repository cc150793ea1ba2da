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

@Suite("The catalogue covers the campaign")
struct CatalogueCoverageTests {
    static let courses = BundledCoursesTests.result.courses

    @Test func atLeastEightCompleteCourses() {
        #expect(Self.courses.count >= 8)
        for course in Self.courses {
            #expect(course.lessons.count >= 4, "\(course.id) has \(course.lessons.count) lessons")
            #expect(course.lessons.allSatisfy { $0.check != nil }, "\(course.id): a check after every lesson")
            #expect((course.finalQuiz?.questions.count ?? 0) >= 15, "\(course.id): a final pool of 15 or more")
            let questions = course.quizzes.flatMap(\.questions)
            #expect(questions.allSatisfy { $0.explanationHTML != nil }, "\(course.id): every question explained")
            #expect(course.language == "vi")
        }
    }

    @Test func everyAudienceIsServed() {
        let served = Set(Self.courses.flatMap(\.audience))
        #expect(served == Set(LearnerCategory.allCases))
    }

    @Test func campaignContentsTwoFourFiveSixAndSevenAreCovered() {
        let covered = Set(Self.courses.flatMap(\.contents).map(\.rawValue))
        #expect(covered.isSuperset(of: [2, 4, 5, 6, 7]))
    }

    @Test func allSixCompetenceDomainsAreBuilt() {
        let domains = Set(Self.courses.flatMap(\.competences).map(\.domain))
        #expect(domains == Set(1...6))
    }
}
