import Foundation

/// The staff use cases: password sign-in with throttling, accounts, importing learner lists, and a person's
/// rights (see, export, correct, delete, withdraw consent), with roles enforced here, whatever front asks. Every
/// change, and every action on a person's data, is written to the audit log.
public struct StaffService: Sendable {
    /// Where accounts, the audit log and learners are kept.
    public let repository: any StaffRepository
    /// The time of sign-ins, changes and audit entries.
    public let clock: any WallClock
    /// Wrong passwords counted per username.
    public var accountThrottle: SignInThrottle
    /// Wrong passwords counted per client address.
    public var clientThrottle: SignInThrottle

    /// The staff use cases over `repository`, with the staff throttling policies unless told otherwise.
    public init(repository: any StaffRepository, clock: any WallClock, accountThrottle: SignInThrottle = .staffAccount,
                clientThrottle: SignInThrottle = .staffClient) {
        self.repository = repository
        self.clock = clock
        self.accountThrottle = accountThrottle
        self.clientThrottle = clientThrottle
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

    /// Imports a learner list from CSV, all or nothing: nothing is written unless every row passes
    /// (`LearnerImportRules`). A unit clerk may import only rows of their own unit: a row of another unit is a
    /// problem (`other-unit`), so nothing is imported. A list written is logged with how many rows it added.
    public func importLearners(_ staff: StaffIdentity, csv: String) async throws -> LearnerImportReport {
        var allowedUnitID: String?
        if staff.role == .unitClerk {
            guard let unitID = staff.unitID else { throw LearningError(.forbidden) }
            allowedUnitID = unitID
        }
        let report = try await repository.importLearners(csv: csv, at: clock.now(), allowedUnitID: allowedUnitID)
        if report.imported {
            try await audit(staff, .importLearners, learnerID: nil,
                            detail: "moi=\(report.acceptedCount),da-co=\(report.alreadyPresentCount)")
        }
        return report
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

    /// Writes one entry of the audit log, as `staff`, now.
    func audit(_ staff: StaffIdentity, _ action: AuditEntry.Action, learnerID: Int64?, detail: String)
        async throws
    {
        try await repository.recordAudit(AuditEntry(at: clock.now(), staffName: staff.name, action: action,
                                                    learnerID: learnerID, detail: detail))
    }
}
