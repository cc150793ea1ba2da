import Foundation
import LearningCore

/// A progress repository held in memory, for testing the use cases without SQLite. It keeps the same promises as
/// the real store where the use cases rely on them: idempotent submissions, one completion per course.
public actor InMemoryProgressRepository: ProgressRepository {
    private var unitsByID: [String: CommuneUnit] = [:]
    private var learners: [Int64: Learner] = [:]
    private var pins: [Int64: String] = [:]
    private var consentsLog: [ConsentEvent] = []
    private var lessons: [String: (visited: Bool, completed: Bool)] = [:]
    private var drafts: [String: AttemptDraft] = [:]
    private var attempts: [String: AttemptRecord] = [:]
    private var completions: [String: CourseCompletion] = [:]
    private var nextID: Int64 = 1

    public init() {}

    public func saveUnits(_ units: [CommuneUnit]) async throws {
        for unit in units { unitsByID[unit.id] = unit }
    }

    public func units() async throws -> [CommuneUnit] {
        unitsByID.values.sorted { $0.id < $1.id }
    }

    public func register(_ learner: NewLearner, at date: Date) async throws -> Learner {
        guard let unit = unitsByID[learner.unitID], unit.retiredAt == nil else {
            throw ProgressError(.unknownUnit, learner.unitID)
        }
        let stored = Learner(id: nextID, displayName: try LearnerValidation.name(learner.displayName),
                             unitID: unit.id, category: learner.category,
                             phone: try learner.phone.flatMap { try LearnerValidation.phone($0) }, createdAt: date)
        // Memory only: the PIN is kept to compare, never written anywhere.
        if let pin = learner.pin { pins[nextID] = try LearnerValidation.pin(pin) }
        learners[nextID] = stored
        nextID += 1
        return stored
    }

    public func learner(id: Int64) async throws -> Learner? { learners[id] }

    public func verifyPIN(learnerID: Int64, pin: String) async throws -> Bool { pins[learnerID] == pin }

    public func recordConsent(_ event: ConsentEvent) async throws {
        try requireLearner(event.learnerID)
        consentsLog.append(event)
    }

    public func recordLessonVisit(learnerID: Int64, courseID: String, lessonID: String, at: Date) async throws {
        try requireLearner(learnerID)
        lessons["\(learnerID)/\(courseID)/\(lessonID)", default: (false, false)].visited = true
    }

    public func recordLessonCompletion(learnerID: Int64, courseID: String, lessonID: String, at: Date) async throws {
        try requireLearner(learnerID)
        lessons["\(learnerID)/\(courseID)/\(lessonID)", default: (false, false)].completed = true
    }

    public func saveDraft(_ draft: AttemptDraft, questionID: String, response: Response, at: Date) async throws {
        guard attempts[draft.attemptID] == nil else { return }
        var stored = drafts[draft.attemptID] ?? draft
        stored.responses[questionID] = response
        drafts[draft.attemptID] = stored
    }

    public func draft(attemptID: String) async throws -> AttemptDraft? { drafts[attemptID] }

    public func recordAttempt(_ record: AttemptRecord) async throws -> RecordedAttempt {
        if let existing = attempts[record.attemptID] {
            guard existing.learnerID == record.learnerID else { throw ProgressError(.attemptConflict, record.attemptID) }
            return RecordedAttempt(record: existing, wasDuplicate: true)
        }
        try requireLearner(record.learnerID)
        attempts[record.attemptID] = record
        drafts[record.attemptID] = nil
        return RecordedAttempt(record: record, wasDuplicate: false)
    }

    public func attemptCount(learnerID: Int64, quizID: String) async throws -> Int {
        attempts.values.filter { $0.learnerID == learnerID && $0.quizID == quizID }.count
    }

    public func courseProgress(learnerID: Int64, courseID: String) async throws -> CourseProgress {
        let prefix = "\(learnerID)/\(courseID)/"
        let mine = lessons.filter { $0.key.hasPrefix(prefix) }
        let finals = attempts.values.filter { $0.learnerID == learnerID && $0.courseID == courseID && $0.isFinalQuiz }
        return CourseProgress(
            learnerID: learnerID, courseID: courseID,
            lessonsVisited: Set(mine.filter { $0.value.visited }.keys.map { String($0.dropFirst(prefix.count)) }),
            lessonsCompleted: Set(mine.filter { $0.value.completed }.keys.map { String($0.dropFirst(prefix.count)) }),
            finalAttempts: finals.count, bestPercent: finals.map(\.result.percent).max(),
            passedFinalQuiz: finals.contains { $0.result.passed }, completion: completions["\(learnerID)/\(courseID)"])
    }

    public func recordCompletion(
        learnerID: Int64, courseID: String, courseVersion: Int, percent: Int?, at: Date
    ) async throws -> CourseCompletion {
        let key = "\(learnerID)/\(courseID)"
        if let existing = completions[key] { return existing }
        let completion = CourseCompletion(learnerID: learnerID, courseID: courseID, courseVersion: courseVersion,
                                          completedAt: at, percent: percent,
                                          verificationCode: String(format: "T%07d", completions.count + 1))
        completions[key] = completion
        return completion
    }

    /// Every consent event, in order (for tests).
    public func consents() -> [ConsentEvent] { consentsLog }

    private func requireLearner(_ id: Int64) throws {
        guard learners[id] != nil else { throw ProgressError(.unknownLearner, String(id)) }
    }
}
