public import Foundation

/// Where learners, their progress and attempts are kept. ProgressStore implements it over SQLite; TestSupport
/// has an in-memory one; one contract test suite holds both to the same promises. Every write that returns has
/// been made durable.
public protocol ProgressRepository: Sendable {
    // Units
    func saveUnits(_ units: [CommuneUnit]) async throws
    func units() async throws -> [CommuneUnit]

    // Learners
    func register(_ learner: NewLearner, at: Date) async throws -> Learner
    func learner(id: Int64) async throws -> Learner?
    /// Learners of a unit whose name matches (NFC, case-insensitive); anonymised learners never match.
    func learners(unitID: String, named name: String) async throws -> [Learner]
    /// Whether `pin` is the learner's PIN. The slow hash runs off the cooperative thread pool.
    func verifyPIN(learnerID: Int64, pin: String) async throws -> Bool
    func recordConsent(_ event: ConsentEvent) async throws
    /// Every consent given or withdrawn by a learner, oldest first.
    func consents(learnerID: Int64) async throws -> [ConsentEvent]

    // Sign-in throttling, counted durably per key (`learner:42`, `kiosk:…`).
    func signInThrottle(key: String) async throws -> SignInThrottle.State?
    /// Stores the state for `key`; nil forgets it.
    func saveSignInThrottle(key: String, state: SignInThrottle.State?) async throws

    // Lessons
    func recordLessonVisit(learnerID: Int64, courseID: String, lessonID: String, at: Date) async throws
    /// Records a lesson read to the end and, in the same transaction, the course's completion when this met
    /// the requirement's last condition. Returns the completion recorded now, if any.
    func recordLessonCompletion(
        learnerID: Int64, courseID: String, lessonID: String, at: Date, completing: CompletionRequirement?
    ) async throws -> CourseCompletion?

    // Quizzes
    /// Stores an attempt at its start (seed, start time, deadline), so a refresh resumes the same questions and
    /// clock. When the learner already has an open attempt at this quiz, returns that one instead. Refuses with
    /// `QuizAttemptError.noAttemptsLeft` when the learner's submitted attempts have reached `attemptsAllowed`,
    /// checked atomically where the attempt is stored.
    func openAttempt(_ draft: AttemptDraft, attemptsAllowed: Int?) async throws -> AttemptDraft
    /// The learner's open attempt at a quiz, if any.
    func openAttempt(learnerID: Int64, quizID: String) async throws -> AttemptDraft?
    /// Every open attempt of a learner, with its saved answers, newest first.
    func openAttempts(learnerID: Int64) async throws -> [AttemptDraft]
    /// An open attempt with its saved answers, only when it belongs to `learnerID`.
    func draft(attemptID: String, learnerID: Int64) async throws -> AttemptDraft?
    /// Saves one answer of the learner's open attempt. Another learner's attempt, or one already submitted, is
    /// refused with `LearningError.attemptNotFound`.
    func saveDraftAnswer(
        attemptID: String, learnerID: Int64, questionID: String, response: Response, at: Date
    ) async throws
    /// Open attempts whose deadline has passed at `now`, oldest first, at most `limit`.
    func expiredDrafts(at now: Date, limit: Int) async throws -> [AttemptDraft]
    /// Stores a graded attempt once, in one transaction with the removal of its draft, the summaries, and the
    /// course completion it earns (when `completing` is met), the completion dated at the submission. The same
    /// attempt id, or the same submission id from the same learner, again returns the first record unchanged;
    /// a submission id already used for another learner's or another quiz's attempt is refused.
    func recordAttempt(
        _ record: AttemptRecord, submissionID: String?, completing: CompletionRequirement?
    ) async throws -> RecordedAttempt
    /// A submitted attempt by its id.
    func attempt(id: String) async throws -> AttemptRecord?
    func attemptCount(learnerID: Int64, quizID: String) async throws -> Int

    // Courses
    func courseProgress(learnerID: Int64, courseID: String) async throws -> CourseProgress
    /// The learner's completions, oldest first.
    func completions(learnerID: Int64) async throws -> [CourseCompletion]
    /// The completion a certificate's code belongs to (dashes, spaces and case ignored).
    func completion(verificationCode: String) async throws -> CourseCompletion?

    // Quizzes closed by staff (answers shown to learners of an `after-close` quiz from then on)
    func closedQuizIDs() async throws -> Set<String>
    func setQuizClosed(_ quizID: String, closed: Bool, at: Date) async throws
}

extension ProgressRepository {
    /// Stores a graded attempt with no submission id and no completion check (tools and tests).
    public func recordAttempt(_ record: AttemptRecord) async throws -> RecordedAttempt {
        try await recordAttempt(record, submissionID: nil, completing: nil)
    }
}
