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
            case 2: try await store.recordLessonCompletion(learnerID: learner, courseID: course, lessonID: lesson, at: fixture.clock.now(), completing: nil)
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
        try await fixture.database.recordConsent(ConsentEvent(learnerID: learner.id, purpose: .learning,
                                                              noticeVersion: "1", given: true, at: fixture.clock.now()))
        let course = QuizFixtures.course
        let service = LearningService(repository: fixture.database, catalog: InMemoryCourseCatalog(courses: [course]),
                                      clock: fixture.clock, random: SeededRandomSource(seed: 3))
        let identity = LearnerIdentity(learnerID: learner.id, unitID: learner.unitID, displayName: "Lan")

        // Passing the final quiz before reading the required lesson does not complete the course yet.
        let attempt = try await service.startAttempt(identity, courseID: course.id, quizID: course.finalQuiz!.id)
        for question in attempt.questions {
            _ = try await service.answer(identity, attemptID: attempt.attemptID, questionID: question.id,
                                         response: QuizFixtures.rightAnswers[question.id]!)
        }
        let draft = try await fixture.database.draft(attemptID: attempt.attemptID, learnerID: learner.id)
        #expect(draft?.responses.count == 5)
        let submitted = try await service.submit(identity, attemptID: attempt.attemptID, submissionID: "c-1")
        #expect(submitted.result?.passed == true)
        #expect(submitted.result?.completion == nil)

        _ = try await service.openLesson(identity, courseID: course.id, lessonID: "01-a")
        let completion = try await service.finishLesson(identity, courseID: course.id, lessonID: "01-a")
        #expect(completion?.percent == 100)
        #expect(completion?.courseVersion == 2)
        #expect(try await fixture.database.courseProgress(learnerID: learner.id, courseID: course.id).completion == completion)
    }

    @Test func rebuildingFromEventsThatArrivedOutOfOrderGivesTheLiveSummariesAndRestoresCompletions() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.database
        let course = QuizFixtures.course
        let requirement = CompletionRequirement(course)
        let learners = try await (0..<4).asyncMap { try await fixture.register("Người \($0)") }
        var random = SplitMix64(seed: 11)
        let base = fixture.clock.now()
        // Events reach the store late and shuffled (a kiosk that was offline), each with its own time.
        var events: [(Int64, Int, Date)] = []
        for learner in learners {
            for kind in 0..<4 { events.append((learner.id, kind, base.addingTimeInterval(Double(kind * 3600)))) }
        }
        events.shuffle(using: &random)
        for (learnerID, kind, at) in events {
            switch kind {
            case 0: try await store.recordLessonVisit(learnerID: learnerID, courseID: course.id, lessonID: "01-a", at: at)
            case 1, 2:
                _ = try await store.recordLessonCompletion(learnerID: learnerID, courseID: course.id, lessonID: "01-a",
                                                           at: at, completing: requirement)
            default:
                var record = fixture.attempt("o-\(learnerID)", learner: learnerID, correct: 5)
                record.startedAt = at.addingTimeInterval(-300)
                record.submittedAt = at
                _ = try await store.recordAttempt(record, submissionID: nil, completing: requirement)
            }
        }
        let live = try await store.summarySnapshot()
        let liveCompletions = try await learners.asyncMap { try await store.completions(learnerID: $0.id) }
        #expect(liveCompletions.allSatisfy { $0.count == 1 })
        #expect(try await store.rebuildSummaries(requirements: [requirement]) == 0, "nothing was missing")
        let rebuilt = try await store.summarySnapshot()
        #expect(rebuilt.lessons == live.lessons)
        #expect(rebuilt.courses == live.courses)

        // Completions lost (a database restored from an older backup of that table) come back from the events,
        // dated when the last condition was met.
        try await store.deleteCompletionsForTesting()
        #expect(try await store.rebuildSummaries(requirements: [requirement]) == learners.count)
        for learner in learners {
            let completion = try #require(try await store.completions(learnerID: learner.id).first)
            #expect(completion.completedAt == base.addingTimeInterval(3 * 3600))
            #expect(completion.percent == 100)
        }
    }
}
