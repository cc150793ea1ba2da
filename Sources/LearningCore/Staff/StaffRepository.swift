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
    /// Every staff account, disabled ones included, in username order. Never a password or its hash.
    func staffAccounts() async throws -> [StaffAccount]
    /// The account with this username, disabled or not; nil when there is none.
    func staffAccount(username: String) async throws -> StaffAccount?
    /// How many staff accounts there are, disabled ones included.
    func staffAccountCount() async throws -> Int
    /// Disables the account from `disabledAt`, or enables it again when nil; refuses an unknown username with
    /// `ProgressError(.unknownStaffAccount)`.
    func setStaffAccountDisabled(username: String, disabledAt: Date?) async throws -> StaffAccount
    /// Replaces the account's password, kept only as a slow salted hash (computed off the cooperative thread
    /// pool); refuses an unknown username with `ProgressError(.unknownStaffAccount)`.
    func resetStaffPassword(username: String, password: String) async throws
    /// The failures counted under a staff sign-in key. The store keeps them apart from learners' keys (it files
    /// them under `staff:` + `key`), so no staff key can touch a learner's or a kiosk's count.
    func staffSignInThrottle(key: String) async throws -> SignInThrottle.State?
    /// Stores the failures under a staff sign-in key; nil forgets them.
    func saveStaffSignInThrottle(key: String, state: SignInThrottle.State?) async throws
    /// Imports a learner list all or nothing: every row is checked by `LearnerImportRules` (with
    /// `allowedUnitID`, only rows of that unit pass), and only a list with no problem is written, in one
    /// transaction. Rows whose learner is already there are counted, not added again.
    func importLearners(csv: String, at: Date, allowedUnitID: String?) async throws -> LearnerImportReport
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
