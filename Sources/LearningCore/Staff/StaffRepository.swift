public import Foundation

/// Where staff accounts, the audit log and the learner records staff act on are kept. ProgressStore implements
/// it over SQLite; TestSupport has an in-memory one.
public protocol StaffRepository: Sendable {
    /// Creates an account; the password is kept only as a slow salted hash.
    func createStaffAccount(username: String, displayName: String, password: String, role: StaffRole,
                            unitID: String?, at: Date) async throws -> StaffAccount
    /// The account when the username exists, is not disabled and the password matches (hash checked off the
    /// cooperative thread pool).
    func verifyStaffPassword(username: String, password: String) async throws -> StaffAccount?
    /// Learners of one unit, or of every unit when nil, anonymised ones included (as figures).
    func learners(unitID: String?) async throws -> [Learner]
    func learner(id: Int64) async throws -> Learner?
    /// Everything held about a learner.
    func personalData(learnerID: Int64) async throws -> PersonalData
    func correct(learnerID: Int64, _ correction: LearnerCorrection) async throws -> Learner
    /// Erases name, phone and PIN; unit, category and counted results stay as anonymous figures.
    func anonymise(learnerID: Int64, at: Date) async throws
    func recordConsent(_ event: ConsentEvent) async throws
    func setQuizClosed(_ quizID: String, closed: Bool, at: Date) async throws
    func recordAudit(_ entry: AuditEntry) async throws
    /// The audit log, newest first, at most `limit` entries.
    func auditLog(limit: Int) async throws -> [AuditEntry]
}
