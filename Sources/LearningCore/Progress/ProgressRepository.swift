import Foundation

/// Where learners, their progress and attempts are kept. ProgressStore implements it over SQLite; TestSupport
/// has an in-memory one. Every write that returns has been made durable.
public protocol ProgressRepository: Sendable {
    // Units
    func saveUnits(_ units: [CommuneUnit]) async throws
    func units() async throws -> [CommuneUnit]

    // Learners
    func register(_ learner: NewLearner, at: Date) async throws -> Learner
    func learner(id: Int64) async throws -> Learner?
    func verifyPIN(learnerID: Int64, pin: String) async throws -> Bool
    func recordConsent(_ event: ConsentEvent) async throws

    // Lessons
    func recordLessonVisit(learnerID: Int64, courseID: String, lessonID: String, at: Date) async throws
    func recordLessonCompletion(learnerID: Int64, courseID: String, lessonID: String, at: Date) async throws

    // Quizzes
    func saveDraft(_ draft: AttemptDraft, questionID: String, response: Response, at: Date) async throws
    func draft(attemptID: String) async throws -> AttemptDraft?
    /// Stores a graded attempt once; a second call with the same id returns the first record unchanged.
    func recordAttempt(_ record: AttemptRecord) async throws -> RecordedAttempt
    func attemptCount(learnerID: Int64, quizID: String) async throws -> Int

    // Courses
    func courseProgress(learnerID: Int64, courseID: String) async throws -> CourseProgress
    /// Records a completion once per learner and course; returns the existing one if already completed.
    func recordCompletion(
        learnerID: Int64, courseID: String, courseVersion: Int, percent: Int?, at: Date
    ) async throws -> CourseCompletion
}
