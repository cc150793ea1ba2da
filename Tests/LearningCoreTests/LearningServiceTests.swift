import Foundation
import LearningCore
import Testing
import TestSupport

@Suite("The learning use cases")
struct LearningServiceTests {
    static let quiz = Quiz(
        id: "khoa/quiz", title: "Cuối khoá", settings: QuizSettings(passMark: 80, attemptsAllowed: 2),
        questions: (0..<5).map { QuestionBuilder.single("khoa/q\($0)", choices: ["A", "B"], right: 0) })
    static let course = Course(
        id: "khoa", title: "Khoá", summary: "", audience: [.citizens], contents: [.digitalLearning], competences: [],
        level: .basic, estimatedMinutes: 10, passMark: 80, version: 3, language: "vi", introductionHTML: "",
        introductionMarkdown: "",
        lessons: [Lesson(id: "01", number: 1, title: "Một", estimatedMinutes: 5, isRequired: true, bodyHTML: "",
                         bodyMarkdown: "", check: nil),
                  Lesson(id: "02", number: 2, title: "Hai", estimatedMinutes: 5, isRequired: false, bodyHTML: "",
                         bodyMarkdown: "", check: nil)],
        finalQuiz: quiz)

    private func setUp() async throws -> (LearningService, InMemoryProgressRepository, Int64, TestClock) {
        let repository = InMemoryProgressRepository()
        try await repository.saveUnits([CommuneUnit(id: "thon-1", name: "Thôn 1", kind: .village)])
        let clock = TestClock()
        let learner = try await repository.register(
            NewLearner(displayName: "Lan", unitID: "thon-1", category: .citizens), at: clock.now())
        return (LearningService(repository: repository, clock: clock), repository, learner.id, clock)
    }

    private func take(_ service: LearningService, learner: Int64, id: String, right: Int) async throws
        -> LearningService.Submission
    {
        var random = SplitMix64(seed: 1)
        var attempt = try await service.startAttempt(learnerID: learner, quiz: Self.quiz, attemptID: id, random: &random)
        for (index, questionID) in attempt.questionIDs.enumerated() {
            _ = try await service.answer(.choices([index < right ? "a" : "b"]), to: questionID, in: &attempt,
                                         learnerID: learner, course: Self.course)
        }
        return try await service.submit(&attempt, learnerID: learner, course: Self.course)
    }

    @Test func completesWhenTheRequiredLessonIsReadAndTheFinalQuizPassed() async throws {
        let (service, repository, learner, _) = try await setUp()
        try await service.openLesson(learnerID: learner, course: Self.course, lessonID: "01")
        #expect(try await service.finishLesson(learnerID: learner, course: Self.course, lessonID: "01") == nil,
                "the final quiz is still to pass")
        let failed = try await take(service, learner: learner, id: "a1", right: 3)
        #expect(!failed.recorded.record.result.passed && failed.completion == nil)
        let passed = try await take(service, learner: learner, id: "a2", right: 4)
        #expect(passed.recorded.record.result.passed)
        #expect(passed.completion?.percent == 80, "4 of 5 is exactly 80%")
        #expect(passed.completion?.courseVersion == 3)
        #expect(try await repository.courseProgress(learnerID: learner, courseID: "khoa").completion == passed.completion)
    }

    @Test func theAttemptLimitHolds() async throws {
        let (service, _, learner, _) = try await setUp()
        _ = try await take(service, learner: learner, id: "a1", right: 0)
        _ = try await take(service, learner: learner, id: "a2", right: 0)
        await #expect(throws: QuizAttemptError.noAttemptsLeft(allowed: 2)) {
            _ = try await take(service, learner: learner, id: "a3", right: 5)
        }
    }

    @Test func answersAreSavedAsDraftsUntilSubmitted() async throws {
        let (service, repository, learner, _) = try await setUp()
        var random = SplitMix64(seed: 9)
        var attempt = try await service.startAttempt(learnerID: learner, quiz: Self.quiz, attemptID: "d1", random: &random)
        _ = try await service.answer(.choices(["a"]), to: attempt.questionIDs[0], in: &attempt, learnerID: learner,
                                     course: Self.course)
        #expect(try await repository.draft(attemptID: "d1")?.responses == [attempt.questionIDs[0]: .choices(["a"])])
        _ = try await service.submit(&attempt, learnerID: learner, course: Self.course)
        #expect(try await repository.draft(attemptID: "d1") == nil)
    }
}
