import Foundation
import LearningCore
import Testing
import TestSupport

/// The pure rules behind the use cases; the use cases themselves run over both stores in
/// `ProgressStoreTests/UseCaseContractTests`.
@Suite("Sign-in throttling and feedback rules")
struct LearningServiceTests {
    @Test func theDelayDoublesAfterTheFreeFailuresAndStopsAtItsMaximum() {
        let policy = SignInThrottle.perLearner
        #expect((0..<3).map(policy.delay(afterFailures:)) == [0, 0, 0])
        #expect((3..<9).map(policy.delay(afterFailures:)) == [5, 10, 20, 40, 80, 160])
        #expect(policy.delay(afterFailures: 40) == 300)
    }

    @Test func aLockLastsItsWindowAndOldFailuresAreForgotten() throws {
        let policy = SignInThrottle.perLearner
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var state: SignInThrottle.State?
        for _ in 0..<10 { state = policy.failing(state, at: start) }
        #expect(state?.lockedUntil == start.addingTimeInterval(15 * 60))
        let wait = try #require(policy.waitTime(state, at: start.addingTimeInterval(60)))
        #expect(abs(wait - 14 * 60) < 0.001)
        #expect(policy.waitTime(state, at: start.addingTimeInterval(15 * 60 + 1)) == nil)
        #expect(policy.failing(state, at: start.addingTimeInterval(15 * 60 + 1)).failures == 1, "counting starts anew")
        let one = policy.failing(nil, at: start)
        #expect(policy.current(one, at: start.addingTimeInterval(15 * 60 + 1)) == nil)
    }

    @Test func answersAreShownAfterSubmissionUnlessTheQuizWaitsForStaffToCloseIt() {
        #expect(FeedbackRule.showsAnswersAfterSubmission(.afterSubmission, quizClosed: false))
        #expect(FeedbackRule.showsAnswersAfterSubmission(.afterEachQuestion, quizClosed: false))
        #expect(!FeedbackRule.showsAnswersAfterSubmission(.whenClosed, quizClosed: false))
        #expect(FeedbackRule.showsAnswersAfterSubmission(.whenClosed, quizClosed: true))
    }

    @Test func practiceNeedsNoStoreAndShowsTheRuleOfTheQuiz() async throws {
        let service = LearningService(repository: InMemoryProgressRepository(), catalog: CourseFixtures.catalog(),
                                      clock: TestClock(), random: SeededRandomSource(seed: 1))
        var practice = try service.startPractice(courseID: "khoa", quizID: "khoa/quiz")
        let open = try await service.view(ofPractice: practice, courseID: "khoa")
        #expect(open.questions.allSatisfy { $0.feedback == nil })
        for question in open.questions {
            try service.answerPractice(&practice, questionID: question.id,
                                       response: CourseFixtures.rightResponse(question))
        }
        service.submitPractice(&practice)
        let graded = try await service.view(ofPractice: practice, courseID: "khoa")
        #expect(graded.result?.percent == 100 && graded.result?.showsAnswers == true)
        #expect(graded.questions.allSatisfy { $0.feedback?.isCorrect == true })
    }

    @Test func errorsAreWordedFromTheStringsFile() {
        let strings = TableLocalizer(["errors.sign-in-throttled": "Đợi {0} phút", "errors.quiz.no-attempts-left": "Hết {0} lượt"])
        #expect(strings.text(LearningError(.signInThrottled, retryAfterSeconds: 61)) == "Đợi 2 phút")
        #expect(strings.text(QuizAttemptError.noAttemptsLeft(allowed: 2)) == "Hết 2 lượt")
    }
}

/// A localizer over a dictionary, for wording tests.
private struct TableLocalizer: Localizer {
    let table: [String: String]
    init(_ table: [String: String]) { self.table = table }
    func text(_ key: String, _ arguments: [String]) -> String {
        var text = table[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }
}
