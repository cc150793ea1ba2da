public import Foundation
public import LearningCore
import Logging
import PostgresNIO
import StoreSupport

extension PostgresStore {
    private static let accountColumns = "id, username, display_name, role, unit_id, created_at, disabled_at"

    private static func account(_ row: PostgresRow) throws -> StaffAccount {
        let (id, username, name, role, unit, created, disabled) =
            try row.decode((Int64, String, String, String, String?, Date, Date?).self)
        return StaffAccount(id: id, username: username, displayName: name, role: StaffRole(rawValue: role) ?? .unitClerk,
                            unitID: unit, createdAt: created, disabledAt: disabled)
    }

    /// Creates a staff account; the password is stored as a bcrypt hash only.
    public func createStaffAccount(
        username: String, displayName: String, password: String, role: StaffRole, unitID: String?, at date: Date
    ) async throws -> StaffAccount {
        let hash = await hashing.hashPasswordOffPool(password)
        let logger = logger
        return try await transaction { connection in
            if let unitID { try await Self.requireActiveUnit(unitID, connection, logger) }
            guard let row = try await connection.rows("""
                INSERT INTO staff_account (username, display_name, password_hash, role, unit_id, created_at)
                VALUES (\(username), \(displayName), \(hash), \(role.rawValue), \(unitID), \(date))
                ON CONFLICT (commune_id, username) DO NOTHING
                RETURNING \(unescaped: Self.accountColumns)
                """, logger).first
            else { throw ProgressError(.duplicateUsername, username) }
            return try Self.account(row)
        }
    }

    /// The account, when the username exists, is not disabled and the password matches; without one a decoy
    /// hash is checked all the same, so the refusal takes as long either way.
    public func verifyStaffPassword(username: String, password: String) async throws -> StaffAccount? {
        let logger = logger
        let found = try await transaction { connection in
            try await connection.rows("""
                SELECT \(unescaped: Self.accountColumns), password_hash FROM staff_account
                WHERE username = \(username) AND disabled_at IS NULL
                """, logger).first.map { row in (try Self.account(row), try row.get("password_hash", as: String.self)) }
        }
        guard let (account, hash) = found else {
            await hashing.spendPasswordCheckOffPool(password)
            return nil
        }
        return await hashing.verifyOffPool(password, hash: hash) ? account : nil
    }

    public func staffAccounts() async throws -> [StaffAccount] {
        let logger = logger
        return try await transaction { connection in
            try await connection.rows("""
                SELECT \(unescaped: Self.accountColumns) FROM staff_account ORDER BY username COLLATE "C"
                """, logger).map(Self.account)
        }
    }

    public func staffAccount(username: String) async throws -> StaffAccount? {
        let logger = logger
        return try await transaction { connection in
            try await connection.rows("""
                SELECT \(unescaped: Self.accountColumns) FROM staff_account WHERE username = \(username)
                """, logger).first.map(Self.account)
        }
    }

    public func staffAccountCount() async throws -> Int {
        let logger = logger
        return try await transaction { connection in
            try await connection.rows("SELECT COUNT(*) FROM staff_account", logger).first?.decode(Int.self) ?? 0
        }
    }

    public func setStaffAccountDisabled(username: String, disabledAt: Date?) async throws -> StaffAccount {
        let logger = logger
        return try await transaction { connection in
            guard let row = try await connection.rows("""
                UPDATE staff_account SET disabled_at = \(disabledAt) WHERE username = \(username)
                RETURNING \(unescaped: Self.accountColumns)
                """, logger).first
            else { throw ProgressError(.unknownStaffAccount, username) }
            return try Self.account(row)
        }
    }

    public func resetStaffPassword(username: String, password: String) async throws {
        guard try await staffAccount(username: username) != nil else {
            throw ProgressError(.unknownStaffAccount, username)
        }
        let hash = await hashing.hashPasswordOffPool(password)
        let logger = logger
        try await transaction { connection in
            let changed = try await connection.run("""
                UPDATE staff_account SET password_hash = \(hash) WHERE username = \(username) RETURNING 1
                """, logger)
            guard changed == 1 else { throw ProgressError(.unknownStaffAccount, username) }
        }
    }

    /// Staff keys are filed under `staff:` + `key`, apart from learners' and kiosks' keys.
    public func staffSignInThrottle(key: String) async throws -> SignInThrottle.State? {
        try await signInThrottle(key: "staff:\(key)")
    }

    public func saveStaffSignInThrottle(key: String, state: SignInThrottle.State?) async throws {
        try await saveSignInThrottle(key: "staff:\(key)", state: state)
    }

    public func learners(unitID: String?) async throws -> [Learner] {
        let logger = logger
        return try await transaction { connection in
            let query: PostgresQuery = if let unitID {
                "SELECT \(unescaped: Self.learnerColumns.sql) FROM learner WHERE unit_id = \(unitID) ORDER BY id"
            } else {
                "SELECT \(unescaped: Self.learnerColumns.sql) FROM learner ORDER BY id"
            }
            return try await connection.rows(query, logger).map(Self.learner)
        }
    }

    public func recordAudit(_ entry: AuditEntry) async throws {
        let logger = logger
        try await transaction { connection in
            try await connection.run("""
                INSERT INTO audit_event (at, staff_name, action, learner_id, detail)
                VALUES (\(entry.at), \(entry.staffName), \(entry.action.rawValue), \(entry.learnerID), \(entry.detail))
                """, logger)
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        let logger = logger
        return try await transaction { connection in
            try await connection.rows("""
                SELECT at, staff_name, action, learner_id, detail FROM audit_event ORDER BY id DESC LIMIT \(limit)
                """, logger).compactMap { row in
                let (at, staff, action, learner, detail) = try row.decode((Date, String, String, Int64?, String).self)
                return AuditEntry.Action(rawValue: action).map {
                    AuditEntry(at: at, staffName: staff, action: $0, learnerID: learner, detail: detail)
                }
            }
        }
    }

    /// Everything held about a learner, for their right to see their data.
    public func personalData(learnerID: Int64) async throws -> PersonalData {
        let logger = logger
        return try await transaction { connection in
            guard let row = try await connection.rows("""
                SELECT display_name, unit_id, category, phone, pin_hash IS NOT NULL, created_at, anonymised_at
                FROM learner WHERE id = \(learnerID)
                """, logger).first
            else { throw ProgressError(.unknownLearner, String(learnerID)) }
            let (name, unit, category, phone, hasPIN, created, anonymised) =
                try row.decode((String?, String, String, String?, Bool, Date, Date?).self)
            return PersonalData(
                id: learnerID, displayName: name, unitId: unit, category: category, phone: phone, hasPIN: hasPIN,
                createdAt: created, anonymisedAt: anonymised,
                consents: try await connection.rows("""
                    SELECT purpose, notice_version, given, at FROM consent_event WHERE learner_id = \(learnerID)
                    ORDER BY id
                    """, logger).map {
                    let (purpose, version, given, at) = try $0.decode((String, String, Bool, Date).self)
                    return .init(purpose: purpose, noticeVersion: version, given: given, at: at)
                },
                lessons: try await connection.rows("""
                    SELECT course_id, lesson_id, visits, completed_at FROM lesson_progress
                    WHERE learner_id = \(learnerID) ORDER BY course_id, lesson_id
                    """, logger).map {
                    let (course, lesson, visits, completed) = try $0.decode((String, String, Int, Date?).self)
                    return .init(courseId: course, lessonId: lesson, visits: visits, completedAt: completed)
                },
                attempts: try await connection.rows("""
                    SELECT id, course_id, quiz_id, submitted_at, percent, passed FROM attempt
                    WHERE learner_id = \(learnerID) ORDER BY submitted_at, id
                    """, logger).map {
                    let (id, course, quiz, submitted, percent, passed) =
                        try $0.decode((String, String, String, Date, Int, Bool).self)
                    return .init(id: id, courseId: course, quizId: quiz, submittedAt: submitted, percent: percent,
                                 passed: passed)
                },
                completions: try await connection.rows("""
                    SELECT course_id, completed_at, percent, verification_code FROM course_completion
                    WHERE learner_id = \(learnerID) ORDER BY completed_at, course_id
                    """, logger).map {
                    let (course, completed, percent, code) = try $0.decode((String, Date, Int?, String).self)
                    return .init(courseId: course, completedAt: completed, percent: percent, verificationCode: code)
                })
        }
    }
}
