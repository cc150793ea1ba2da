import Foundation

/// The staff use cases: password sign-in, and a person's rights (see, export, correct, delete, withdraw
/// consent) with roles enforced here, whatever front asks. Every action on a person's data is written to the
/// audit log.
public struct StaffService: Sendable {
    public let repository: any StaffRepository
    public let clock: any WallClock

    public init(repository: any StaffRepository, clock: any WallClock) {
        self.repository = repository
        self.clock = clock
    }

    /// Signs a staff member in by username and password.
    public func signIn(username: String, password: String) async throws -> StaffIdentity {
        let name = TextNormalizer.trimmed(username)
        guard !name.isEmpty, !password.isEmpty,
              let account = try await repository.verifyStaffPassword(username: name, password: password)
        else { throw LearningError(.staffSignInFailed) }
        return account.identity
    }

    /// The learners of a unit the staff member covers (a clerk: their own unit; nil means theirs, or all).
    public func learners(_ staff: StaffIdentity, unitID: String?) async throws -> [Learner] {
        let unit = unitID ?? (staff.role == .unitClerk ? staff.unitID : nil)
        if staff.role == .unitClerk {
            guard let unit, staff.covers(unitID: unit) else { throw LearningError(.forbidden, unitID ?? "") }
        }
        let learners = try await repository.learners(unitID: unit)
        try await audit(staff, .listLearners, learnerID: nil, detail: unit ?? "*")
        return learners
    }

    /// What is stored about a learner (the right to see), logged.
    public func personalData(_ staff: StaffIdentity, learnerID: Int64, forExport: Bool = false) async throws
        -> PersonalData
    {
        try await requireCovered(staff, learnerID)
        let data = try await repository.personalData(learnerID: learnerID)
        try await audit(staff, forExport ? .exportLearner : .viewLearner, learnerID: learnerID, detail: "")
        return data
    }

    /// Corrects a learner's details (the right to correct), logged with the fields changed.
    public func correct(_ staff: StaffIdentity, learnerID: Int64, _ correction: LearnerCorrection) async throws
        -> Learner
    {
        try await requireCovered(staff, learnerID)
        if let unit = correction.unitID, !staff.covers(unitID: unit) { throw LearningError(.forbidden, unit) }
        let learner = try await repository.correct(learnerID: learnerID, correction)
        let fields = [
            correction.displayName.map { _ in "ho_ten" }, correction.unitID.map { "don_vi=\($0)" },
            correction.category.map { "doi_tuong=\($0.rawValue)" }, correction.phone.map { _ in "so_dien_thoai" },
        ].compactMap { $0 }
        try await audit(staff, .correctLearner, learnerID: learnerID, detail: fields.joined(separator: ","))
        return learner
    }

    /// Deletes a learner's personal data (anonymises them), logged.
    public func delete(_ staff: StaffIdentity, learnerID: Int64) async throws {
        try await requireCovered(staff, learnerID)
        try await repository.anonymise(learnerID: learnerID, at: clock.now())
        try await audit(staff, .deleteLearner, learnerID: learnerID, detail: "")
    }

    /// Records a learner's withdrawal of consent for one purpose, made through staff, logged.
    public func withdrawConsent(_ staff: StaffIdentity, learnerID: Int64, purpose: ConsentPurpose,
                                noticeVersion: String) async throws {
        try await requireCovered(staff, learnerID)
        try await repository.recordConsent(ConsentEvent(
            learnerID: learnerID, purpose: purpose, noticeVersion: noticeVersion, given: false, at: clock.now()))
        try await audit(staff, .withdrawConsent, learnerID: learnerID, detail: purpose.rawValue)
    }

    /// Closes a quiz (its answers are shown to learners from then on, for `after-close` quizzes) or reopens it.
    /// Commune staff and admins only.
    public func setQuizClosed(_ staff: StaffIdentity, quizID: String, closed: Bool) async throws {
        guard staff.role != .unitClerk else { throw LearningError(.forbidden, quizID) }
        try await repository.setQuizClosed(quizID, closed: closed, at: clock.now())
        try await audit(staff, closed ? .closeQuiz : .reopenQuiz, learnerID: nil, detail: quizID)
    }

    /// Creates a staff account; admins only.
    public func createAccount(_ staff: StaffIdentity, username: String, displayName: String, password: String,
                              role: StaffRole, unitID: String?) async throws -> StaffAccount {
        guard staff.role == .admin else { throw LearningError(.forbidden, username) }
        let account = try await repository.createStaffAccount(
            username: TextNormalizer.trimmed(username), displayName: TextNormalizer.nfc(displayName),
            password: password, role: role, unitID: unitID, at: clock.now())
        try await audit(staff, .createStaffAccount, learnerID: nil, detail: "\(account.username):\(role.rawValue)")
        return account
    }

    /// The audit log, newest first; commune staff and admins only.
    public func auditLog(_ staff: StaffIdentity, limit: Int = 200) async throws -> [AuditEntry] {
        guard staff.role != .unitClerk else { throw LearningError(.forbidden) }
        return try await repository.auditLog(limit: limit)
    }

    /// Refuses a learner outside the staff member's units with `forbidden`, an unknown one with `unknownLearner`.
    private func requireCovered(_ staff: StaffIdentity, _ learnerID: Int64) async throws {
        guard let learner = try await repository.learner(id: learnerID) else {
            throw ProgressError(.unknownLearner, String(learnerID))
        }
        guard staff.covers(unitID: learner.unitID) else { throw LearningError(.forbidden, String(learnerID)) }
    }

    private func audit(_ staff: StaffIdentity, _ action: AuditEntry.Action, learnerID: Int64?, detail: String)
        async throws
    {
        try await repository.recordAudit(AuditEntry(at: clock.now(), staffName: staff.name, action: action,
                                                    learnerID: learnerID, detail: detail))
    }
}
