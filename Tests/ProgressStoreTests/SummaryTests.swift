import Foundation
import LearningCore
@testable import ProgressStore
import Testing
import TestSupport

@Suite("Summaries and the learning use cases")
struct SummaryTests {
    @Test func rebuiltSummariesEqualTheLiveOnes() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.database
        var random = SplitMix64(seed: 7)
        let learners = try await (0..<6).asyncMap { try await fixture.register("Người \($0)", unit: $0 % 2 == 0 ? "thon-1" : "thon-2") }
        for step in 0..<300 {
            let learner = learners[Int.random(in: 0..<learners.count, using: &random)].id
            let course = ["khoa-a", "khoa-b", "khoa-c"][Int.random(in: 0..<3, using: &random)]
            let lesson = "0\(Int.random(in: 1...4, using: &random))-bai"
            fixture.clock.advance(seconds: Double(Int.random(in: 1...7200, using: &random)))
            switch Int.random(in: 0..<4, using: &random) {
            case 0, 1: try await store.recordLessonVisit(learnerID: learner, courseID: course, lessonID: lesson, at: fixture.clock.now())
            case 2: try await store.recordLessonCompletion(learnerID: learner, courseID: course, lessonID: lesson, at: fixture.clock.now())
            default:
                let final = Bool.random(using: &random)
                _ = try await store.recordAttempt(fixture.attempt(
                    "s\(step)", learner: learner, correct: Int.random(in: 0...5, using: &random), course: course,
                    quiz: final ? nil : "\(course)/\(lesson)", final: final))
            }
        }
        let live = try await store.summarySnapshot()
        #expect(live.lessons.count > 10 && live.courses.count > 5)
        try await store.rebuildSummaries()
        let rebuilt = try await store.summarySnapshot()
        #expect(rebuilt.lessons == live.lessons)
        #expect(rebuilt.courses == live.courses)
    }

    @Test func aCourseCompletesTheMomentItsLastConditionIsMet() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register()
        let service = LearningService(repository: fixture.database, clock: fixture.clock)
        let course = QuizFixtures.course
        var random = SplitMix64(seed: 3)

        // Passing the final quiz before reading the required lesson does not complete the course yet.
        var attempt = try await service.startAttempt(learnerID: learner.id, quiz: course.finalQuiz!, attemptID: "c-1",
                                                     random: &random)
        for id in attempt.questionIDs {
            _ = try await service.answer(QuizFixtures.rightAnswers[id]!, to: id, in: &attempt, learnerID: learner.id,
                                         course: course)
        }
        #expect(try await fixture.database.draft(attemptID: "c-1")?.responses.count == 5)
        let submission = try await service.submit(&attempt, learnerID: learner.id, course: course)
        #expect(submission.recorded.record.result.passed)
        #expect(submission.completion == nil)

        try await service.openLesson(learnerID: learner.id, course: course, lessonID: "01-a")
        let completion = try await service.finishLesson(learnerID: learner.id, course: course, lessonID: "01-a")
        #expect(completion?.percent == 100)
        #expect(completion?.courseVersion == 2)
        #expect(try await fixture.database.courseProgress(learnerID: learner.id, courseID: course.id).completion == completion)
    }
}
