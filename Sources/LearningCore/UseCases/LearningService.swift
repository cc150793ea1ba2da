import Foundation

/// The use cases both fronts call, written once against the repository: reading a lesson, saving an answer,
/// submitting an attempt. A course's completion is decided here, the moment its last condition is met.
public struct LearningService: Sendable {
    public let repository: any ProgressRepository
    public let clock: any WallClock

    public init(repository: any ProgressRepository, clock: any WallClock) {
        self.repository = repository
        self.clock = clock
    }

    /// Records that a lesson was opened.
    public func openLesson(learnerID: Int64, course: Course, lessonID: String) async throws {
        try await repository.recordLessonVisit(learnerID: learnerID, courseID: course.id, lessonID: lessonID,
                                               at: clock.now())
    }

    /// Records that a lesson was read to the end; returns the course completion if this completed the course.
    @discardableResult
    public func finishLesson(learnerID: Int64, course: Course, lessonID: String) async throws -> CourseCompletion? {
        try await repository.recordLessonCompletion(learnerID: learnerID, courseID: course.id, lessonID: lessonID,
                                                    at: clock.now())
        return try await completeIfDue(learnerID: learnerID, course: course)
    }

    /// Starts an attempt with a fresh seed, counting the learner's earlier attempts against the quiz's limit.
    public func startAttempt(
        learnerID: Int64, quiz: Quiz, attemptID: String, random: inout some RandomNumberGenerator
    ) async throws -> QuizAttempt {
        let previous = try await repository.attemptCount(learnerID: learnerID, quizID: quiz.id)
        return try QuizAttempt.start(quiz: quiz, id: attemptID, seed: random.next(), at: clock.now(),
                                     previousAttempts: previous)
    }

    /// Applies an answer and carries out the action it returns (saving the draft, or the result when the time
    /// limit has passed).
    public func answer(
        _ response: Response, to questionID: String, in attempt: inout QuizAttempt, learnerID: Int64, course: Course
    ) async throws -> QuizAttempt.Action {
        let action = try attempt.answer(response, to: questionID, at: clock.now())
        let draft = AttemptDraft(attemptID: attempt.id, learnerID: learnerID, courseID: course.id,
                                 quizID: attempt.quiz.id, seed: attempt.seed, startedAt: attempt.startedAt)
        switch action {
        case .saveDraft(let id, let response), .saveDraftAndShowFeedback(let id, let response, _):
            try await repository.saveDraft(draft, questionID: id, response: response, at: clock.now())
        case .recordResult:
            _ = try await record(attempt, learnerID: learnerID, course: course)
        }
        return action
    }

    /// What submitting an attempt gives back.
    public struct Submission: Sendable, Hashable {
        public var recorded: RecordedAttempt
        /// Set when this attempt completed the course.
        public var completion: CourseCompletion?
    }

    /// Grades (if not yet graded), stores once, and completes the course when this was the last condition.
    public func submit(_ attempt: inout QuizAttempt, learnerID: Int64, course: Course) async throws -> Submission {
        _ = attempt.submit(at: clock.now())
        return try await record(attempt, learnerID: learnerID, course: course)
    }

    private func record(_ attempt: QuizAttempt, learnerID: Int64, course: Course) async throws -> Submission {
        guard let record = AttemptRecord(attempt, learnerID: learnerID, course: course) else {
            throw QuizAttemptError.emptyQuiz
        }
        let recorded = try await repository.recordAttempt(record)
        let completion = recorded.record.isFinalQuiz && recorded.record.result.passed
            ? try await completeIfDue(learnerID: learnerID, course: course) : nil
        return Submission(recorded: recorded, completion: completion)
    }

    /// Records the completion when the course's rule is met and it was not recorded before.
    private func completeIfDue(learnerID: Int64, course: Course) async throws -> CourseCompletion? {
        let progress = try await repository.courseProgress(learnerID: learnerID, courseID: course.id)
        if let existing = progress.completion { return existing }
        guard CompletionRule.isComplete(course, lessonsCompleted: progress.lessonsCompleted,
                                        passedFinalQuiz: progress.passedFinalQuiz)
        else { return nil }
        return try await repository.recordCompletion(
            learnerID: learnerID, courseID: course.id, courseVersion: course.version,
            percent: progress.bestPercent, at: clock.now())
    }
}
