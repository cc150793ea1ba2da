public import Foundation
public import LearningCore

/// A progress and staff repository held in memory, for testing the use cases without SQLite. The contract test
/// suite holds it to the same promises as the real store: idempotent submissions, one open attempt per quiz,
/// attempts allowed checked where attempts are stored, drafts owned by their learner, completions in the
/// transaction of the event that earns them.
public actor InMemoryProgressRepository: ProgressRepository, StaffRepository {
    private struct StaffEntry {
        var account: StaffAccount
        var password: String
    }

    private struct LessonState {
        var visits = 0
        var completedAt: Date?
    }

    private struct StoredAttempt {
        var record: AttemptRecord
        var submissionID: String?
    }

    private var unitsByID: [String: CommuneUnit] = [:]
    private var learnersByID: [Int64: Learner] = [:]
    private var pins: [Int64: String] = [:]
    private var consentsLog: [ConsentEvent] = []
    private var throttles: [String: SignInThrottle.State] = [:]
    private var lessons: [String: LessonState] = [:]
    private var drafts: [String: AttemptDraft] = [:]
    private var attempts: [String: StoredAttempt] = [:]
    private var completionsByKey: [String: CourseCompletion] = [:]
    private var completionAttempt: [String: String] = [:]
    private var closedQuizzes: Set<String> = []
    private var staff: [String: StaffEntry] = [:]
    private var audit: [AuditEntry] = []
    private var nextID: Int64 = 1

    public init() {}

    // MARK: Units

    public func saveUnits(_ units: [CommuneUnit]) async throws {
        for unit in units {
            // A retirement recorded before is kept when the configuration does not list one.
            var saved = unit
            saved.retiredAt = unit.retiredAt ?? unitsByID[unit.id]?.retiredAt
            unitsByID[unit.id] = saved
        }
    }

    public func units() async throws -> [CommuneUnit] {
        unitsByID.values.sorted { $0.id < $1.id }
    }

    // MARK: Learners

    public func register(_ learner: NewLearner, at date: Date) async throws -> Learner {
        try requireActiveUnit(learner.unitID)
        let stored = Learner(id: nextID, displayName: try LearnerValidation.name(learner.displayName),
                             unitID: learner.unitID, category: learner.category,
                             phone: try learner.phone.flatMap { try LearnerValidation.phone($0) }, createdAt: date)
        // Memory only: the PIN is kept to compare, never written anywhere.
        if let pin = learner.pin { pins[nextID] = try LearnerValidation.pin(pin) }
        learnersByID[nextID] = stored
        nextID += 1
        return stored
    }

    public func learner(id: Int64) async throws -> Learner? { learnersByID[id] }

    public func learners(unitID: String, named name: String) async throws -> [Learner] {
        let key = TextNormalizer.comparisonKey(name)
        return learnersByID.values
            .filter { $0.unitID == unitID && $0.displayName.map { TextNormalizer.comparisonKey($0) } == key }
            .sorted { $0.id < $1.id }
    }

    public func verifyPIN(learnerID: Int64, pin: String) async throws -> Bool { pins[learnerID] == pin }

    public func recordConsent(_ event: ConsentEvent) async throws {
        try requireLearner(event.learnerID)
        consentsLog.append(event)
    }

    public func consents(learnerID: Int64) async throws -> [ConsentEvent] {
        consentsLog.filter { $0.learnerID == learnerID }
    }

    // MARK: Sign-in throttling

    public func signInThrottle(key: String) async throws -> SignInThrottle.State? { throttles[key] }

    public func saveSignInThrottle(key: String, state: SignInThrottle.State?) async throws { throttles[key] = state }

    // MARK: Lessons

    public func recordLessonVisit(learnerID: Int64, courseID: String, lessonID: String, at: Date) async throws {
        try requireLearner(learnerID)
        lessons["\(learnerID)/\(courseID)/\(lessonID)", default: LessonState()].visits += 1
    }

    public func recordLessonCompletion(
        learnerID: Int64, courseID: String, lessonID: String, at date: Date, completing: CompletionRequirement?
    ) async throws -> CourseCompletion? {
        try requireLearner(learnerID)
        let key = "\(learnerID)/\(courseID)/\(lessonID)"
        var state = lessons[key, default: LessonState()]
        state.completedAt = min(state.completedAt ?? date, date)
        lessons[key] = state
        guard let completing else { return nil }
        return completeIfDue(learnerID: learnerID, completing, at: date, attemptID: nil)
    }

    // MARK: Quizzes

    public func openAttempt(_ draft: AttemptDraft, attemptsAllowed: Int?) async throws -> AttemptDraft {
        try requireLearner(draft.learnerID)
        if let open = openDraft(learnerID: draft.learnerID, quizID: draft.quizID) { return open }
        if let allowed = attemptsAllowed, count(learnerID: draft.learnerID, quizID: draft.quizID) >= allowed {
            throw QuizAttemptError.noAttemptsLeft(allowed: allowed)
        }
        guard drafts[draft.attemptID] == nil, attempts[draft.attemptID] == nil else {
            throw ProgressError(.attemptConflict, draft.attemptID)
        }
        var stored = draft
        stored.responses = [:]
        drafts[draft.attemptID] = stored
        return stored
    }

    public func openAttempt(learnerID: Int64, quizID: String) async throws -> AttemptDraft? {
        openDraft(learnerID: learnerID, quizID: quizID)
    }

    public func openAttempts(learnerID: Int64) async throws -> [AttemptDraft] {
        drafts.values.filter { $0.learnerID == learnerID }.sorted { $0.startedAt > $1.startedAt }
    }

    public func draft(attemptID: String, learnerID: Int64) async throws -> AttemptDraft? {
        guard let draft = drafts[attemptID], draft.learnerID == learnerID else { return nil }
        return draft
    }

    public func saveDraftAnswer(
        attemptID: String, learnerID: Int64, questionID: String, response: Response, at: Date
    ) async throws {
        guard var draft = drafts[attemptID], draft.learnerID == learnerID else {
            throw LearningError(.attemptNotFound, attemptID)
        }
        draft.responses[questionID] = response
        drafts[attemptID] = draft
    }

    public func expiredDrafts(at now: Date, limit: Int) async throws -> [AttemptDraft] {
        Array(drafts.values.filter { ($0.deadline ?? .distantFuture) < now }
            .sorted { ($0.deadline ?? now) < ($1.deadline ?? now) }.prefix(limit))
    }

    public func recordAttempt(
        _ record: AttemptRecord, submissionID: String?, completing: CompletionRequirement?
    ) async throws -> RecordedAttempt {
        if let submissionID,
           let earlier = attempts.values.first(where: { $0.submissionID == submissionID }),
           earlier.record.attemptID != record.attemptID
        {
            guard earlier.record.learnerID == record.learnerID, earlier.record.quizID == record.quizID else {
                throw LearningError(.submissionConflict, submissionID)
            }
            return recorded(earlier.record)
        }
        if let existing = attempts[record.attemptID] {
            guard existing.record.learnerID == record.learnerID, existing.record.quizID == record.quizID else {
                throw ProgressError(.attemptConflict, record.attemptID)
            }
            return recorded(existing.record)
        }
        try requireLearner(record.learnerID)
        attempts[record.attemptID] = StoredAttempt(record: record, submissionID: submissionID)
        drafts[record.attemptID] = nil
        var completion: CourseCompletion?
        if let completing, record.isFinalQuiz, record.result.passed {
            completion = completeIfDue(learnerID: record.learnerID, completing, at: record.submittedAt,
                                       attemptID: record.attemptID)
        }
        return RecordedAttempt(record: record, wasDuplicate: false, completion: completion)
    }

    public func attempt(id: String) async throws -> AttemptRecord? { attempts[id]?.record }

    public func attemptCount(learnerID: Int64, quizID: String) async throws -> Int {
        count(learnerID: learnerID, quizID: quizID)
    }

    // MARK: Courses

    public func courseProgress(learnerID: Int64, courseID: String) async throws -> CourseProgress {
        progress(learnerID: learnerID, courseID: courseID)
    }

    public func completions(learnerID: Int64) async throws -> [CourseCompletion] {
        completionsByKey.values.filter { $0.learnerID == learnerID }.sorted { $0.completedAt < $1.completedAt }
    }

    public func completion(verificationCode: String) async throws -> CourseCompletion? {
        let code = verificationCode.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        return completionsByKey.values.first { $0.verificationCode == code }
    }

    public func closedQuizIDs() async throws -> Set<String> { closedQuizzes }

    public func setQuizClosed(_ quizID: String, closed: Bool, at: Date) async throws {
        if closed { closedQuizzes.insert(quizID) } else { closedQuizzes.remove(quizID) }
    }

    // MARK: Staff

    public func createStaffAccount(username: String, displayName: String, password: String, role: StaffRole,
                                   unitID: String?, at date: Date) async throws -> StaffAccount {
        if let unitID { try requireActiveUnit(unitID) }
        guard staff[username] == nil else { throw ProgressError(.duplicateUsername, username) }
        let account = StaffAccount(id: nextID, username: username, displayName: displayName, role: role,
                                   unitID: unitID, createdAt: date)
        nextID += 1
        staff[username] = StaffEntry(account: account, password: password)
        return account
    }

    public func verifyStaffPassword(username: String, password: String) async throws -> StaffAccount? {
        guard let entry = staff[username], entry.account.disabledAt == nil, entry.password == password else {
            return nil
        }
        return entry.account
    }

    public func staffAccounts() async throws -> [StaffAccount] {
        staff.values.map(\.account).sorted { $0.username < $1.username }
    }

    public func staffAccount(username: String) async throws -> StaffAccount? { staff[username]?.account }

    public func staffAccountCount() async throws -> Int { staff.count }

    public func setStaffAccountDisabled(username: String, disabledAt: Date?) async throws -> StaffAccount {
        guard staff[username] != nil else { throw ProgressError(.unknownStaffAccount, username) }
        staff[username]?.account.disabledAt = disabledAt
        return staff[username]!.account
    }

    public func resetStaffPassword(username: String, password: String) async throws {
        guard staff[username] != nil else { throw ProgressError(.unknownStaffAccount, username) }
        staff[username]?.password = password
    }

    // Filed apart from the learners' keys, as the SQLite store files them.
    public func staffSignInThrottle(key: String) async throws -> SignInThrottle.State? { throttles["staff:\(key)"] }

    public func saveStaffSignInThrottle(key: String, state: SignInThrottle.State?) async throws {
        throttles["staff:\(key)"] = state
    }

    /// The same checks as the SQLite store (`LearnerImportRules`), then every new row added at once (an actor
    /// runs this whole method without interleaving, as the store runs its one transaction). PINs are kept in
    /// clear, in memory only, as `register` keeps them.
    public func importLearners(csv: String, at date: Date, allowedUnitID: String?) async throws
        -> LearnerImportReport
    {
        let checked = LearnerImportRules.check(csv: csv, units: Array(unitsByID.values), allowedUnitID: allowedUnitID)
        guard checked.problems.isEmpty else {
            return LearnerImportReport(acceptedCount: checked.rows.count, imported: false, problems: checked.problems)
        }
        let present = Set(learnersByID.values.filter { $0.anonymisedAt == nil }.map {
            LearnerImportRules.identity(unitID: $0.unitID, displayName: $0.displayName ?? "",
                                        category: $0.category.rawValue, phone: $0.phone)
        })
        var written = 0
        for row in checked.rows where !present.contains(row.identity) {
            let new = row.learner
            learnersByID[nextID] = Learner(id: nextID, displayName: new.displayName, unitID: new.unitID,
                                           category: new.category, phone: new.phone, createdAt: date)
            if let pin = new.pin { pins[nextID] = pin }
            nextID += 1
            written += 1
        }
        return LearnerImportReport(acceptedCount: written, alreadyPresentCount: checked.rows.count - written,
                                   imported: true, problems: [])
    }

    public func learners(unitID: String?) async throws -> [Learner] {
        learnersByID.values.filter { unitID == nil || $0.unitID == unitID }.sorted { $0.id < $1.id }
    }

    public func personalData(learnerID: Int64) async throws -> PersonalData {
        guard let learner = learnersByID[learnerID] else { throw ProgressError(.unknownLearner, String(learnerID)) }
        let prefix = "\(learnerID)/"
        return PersonalData(
            id: learnerID, displayName: learner.displayName, unitId: learner.unitID, category: learner.category.rawValue,
            phone: learner.phone, hasPIN: pins[learnerID] != nil, createdAt: learner.createdAt,
            anonymisedAt: learner.anonymisedAt,
            consents: consentsLog.filter { $0.learnerID == learnerID }.map {
                .init(purpose: $0.purpose.rawValue, noticeVersion: $0.noticeVersion, given: $0.given, at: $0.at)
            },
            lessons: lessons.filter { $0.key.hasPrefix(prefix) }.sorted { $0.key < $1.key }.map { key, state in
                let parts = key.split(separator: "/", maxSplits: 2).map(String.init)
                return .init(courseId: parts[1], lessonId: parts[2], visits: state.visits,
                             completedAt: state.completedAt)
            },
            attempts: attempts.values.map(\.record).filter { $0.learnerID == learnerID }
                .sorted { $0.submittedAt < $1.submittedAt }.map {
                    .init(id: $0.attemptID, courseId: $0.courseID, quizId: $0.quizID, submittedAt: $0.submittedAt,
                          percent: $0.result.percent, passed: $0.result.passed)
                },
            completions: completionsByKey.values.filter { $0.learnerID == learnerID }.map {
                .init(courseId: $0.courseID, completedAt: $0.completedAt, percent: $0.percent,
                      verificationCode: $0.verificationCode)
            })
    }

    public func correct(learnerID: Int64, _ correction: LearnerCorrection) async throws -> Learner {
        guard var learner = learnersByID[learnerID], learner.anonymisedAt == nil else {
            throw ProgressError(.unknownLearner, String(learnerID))
        }
        if let name = correction.displayName { learner.displayName = try LearnerValidation.name(name) }
        if let unitID = correction.unitID {
            try requireActiveUnit(unitID)
            learner.unitID = unitID
        }
        if let category = correction.category { learner.category = category }
        if let phone = correction.phone { learner.phone = try phone.flatMap { try LearnerValidation.phone($0) } }
        learnersByID[learnerID] = learner
        return learner
    }

    public func anonymise(learnerID: Int64, at date: Date) async throws {
        guard var learner = learnersByID[learnerID], learner.anonymisedAt == nil else {
            throw ProgressError(.unknownLearner, String(learnerID))
        }
        learner.displayName = nil
        learner.phone = nil
        learner.anonymisedAt = date
        pins[learnerID] = nil
        learnersByID[learnerID] = learner
    }

    public func recordAudit(_ entry: AuditEntry) async throws { audit.append(entry) }

    public func auditLog(limit: Int) async throws -> [AuditEntry] { Array(audit.reversed().prefix(limit)) }

    /// Every consent event, in order (for tests).
    public func consents() -> [ConsentEvent] { consentsLog }

    /// Retires a unit (for tests of the sign-in refusal).
    public func retireUnit(id: String, at date: Date) { unitsByID[id]?.retiredAt = date }

    // MARK: Helpers

    private func progress(learnerID: Int64, courseID: String) -> CourseProgress {
        let prefix = "\(learnerID)/\(courseID)/"
        let mine = lessons.filter { $0.key.hasPrefix(prefix) }
        let finals = attempts.values.map(\.record)
            .filter { $0.learnerID == learnerID && $0.courseID == courseID && $0.isFinalQuiz }
        return CourseProgress(
            learnerID: learnerID, courseID: courseID,
            lessonsVisited: Set(mine.filter { $0.value.visits > 0 }.keys.map { String($0.dropFirst(prefix.count)) }),
            lessonsCompleted: Set(mine.filter { $0.value.completedAt != nil }.keys
                .map { String($0.dropFirst(prefix.count)) }),
            finalAttempts: finals.count, bestPercent: finals.map(\.result.percent).max(),
            passedFinalQuiz: finals.contains { $0.result.passed },
            completion: completionsByKey["\(learnerID)/\(courseID)"])
    }

    private func completeIfDue(learnerID: Int64, _ requirement: CompletionRequirement, at date: Date,
                               attemptID: String?) -> CourseCompletion? {
        let progress = progress(learnerID: learnerID, courseID: requirement.courseID)
        guard progress.completion == nil, requirement.isMet(by: progress) else { return nil }
        let completion = CourseCompletion(
            learnerID: learnerID, courseID: requirement.courseID, courseVersion: requirement.courseVersion,
            completedAt: date, percent: progress.bestPercent,
            verificationCode: String(format: "T%09d", completionsByKey.count + 1))
        completionsByKey["\(learnerID)/\(requirement.courseID)"] = completion
        if let attemptID { completionAttempt[attemptID] = "\(learnerID)/\(requirement.courseID)" }
        return completion
    }

    private func recorded(_ record: AttemptRecord) -> RecordedAttempt {
        let completion = completionAttempt[record.attemptID].flatMap { completionsByKey[$0] }
        return RecordedAttempt(record: record, wasDuplicate: true, completion: completion)
    }

    private func openDraft(learnerID: Int64, quizID: String) -> AttemptDraft? {
        drafts.values.filter { $0.learnerID == learnerID && $0.quizID == quizID }
            .max { $0.startedAt < $1.startedAt }
    }

    private func count(learnerID: Int64, quizID: String) -> Int {
        attempts.values.filter { $0.record.learnerID == learnerID && $0.record.quizID == quizID }.count
    }

    private func requireActiveUnit(_ id: String) throws {
        guard let unit = unitsByID[id], unit.retiredAt == nil else { throw ProgressError(.unknownUnit, id) }
    }

    private func requireLearner(_ id: Int64) throws {
        guard learnersByID[id] != nil else { throw ProgressError(.unknownLearner, String(id)) }
    }
}
