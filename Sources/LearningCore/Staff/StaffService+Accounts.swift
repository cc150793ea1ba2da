import Foundation

extension StaffService {
    /// The shortest password accepted for a staff account, in characters.
    public static let minimumPasswordLength = 10
    /// The longest password accepted, in bytes of UTF-8: bcrypt reads no further, so a longer one would be
    /// cut without a word (a Vietnamese letter with its marks takes 2 or 3 bytes).
    public static let maximumPasswordBytes = 72
    /// Usernames no account may take: `console` names the operator at the server in the audit log.
    public static let reservedUsernames: Set<String> = ["console"]

    /// Signs a staff member in by username and password. `clientKey` names where the attempt comes from (the
    /// front passes the client's address). Wrong tries are counted durably per username (existing or not) and
    /// per client address, with a growing delay and then a lock (`accountThrottle`, `clientThrottle`); a
    /// throttled try is refused with `signInThrottled` before the password is checked. A wrong username, a wrong
    /// password and a disabled account get the same refusal, `staffSignInFailed`. An empty username or password
    /// is refused without being counted.
    public func signIn(username: String, password: String, clientKey: String) async throws -> StaffIdentity {
        let now = clock.now()
        let name = Self.lookupName(username)
        let accountKey = Self.accountThrottleKey(name)
        let addressKey = "client:\(clientKey.prefix(128))"
        let clientState = try await repository.staffSignInThrottle(key: addressKey)
        if let wait = clientThrottle.waitTime(clientState, at: now) { throw Self.throttled(wait) }
        let accountState = try await repository.staffSignInThrottle(key: accountKey)
        if let wait = accountThrottle.waitTime(accountState, at: now) { throw Self.throttled(wait) }
        let secret = TextNormalizer.nfc(password)
        guard !name.isEmpty, !secret.isEmpty else { throw LearningError(.staffSignInFailed) }
        if let account = try await repository.verifyStaffPassword(username: name, password: secret) {
            if accountState != nil { try await repository.saveStaffSignInThrottle(key: accountKey, state: nil) }
            return account.identity
        }
        try await repository.saveStaffSignInThrottle(key: accountKey, state: accountThrottle.failing(accountState, at: now))
        try await repository.saveStaffSignInThrottle(key: addressKey, state: clientThrottle.failing(clientState, at: now))
        throw LearningError(.staffSignInFailed)
    }

    /// The identity as the account stands now, for a front that keeps a signed-in identity across requests: a
    /// role or unit changed since sign-in is taken up, and an account disabled or gone meanwhile is refused with
    /// `staffSignInFailed`. The console operator is returned as is.
    public func currentIdentity(_ staff: StaffIdentity) async throws -> StaffIdentity {
        guard let accountID = staff.accountID else { return staff }
        guard let account = try await repository.staffAccount(username: staff.name), account.id == accountID,
              !account.isDisabled
        else { throw LearningError(.staffSignInFailed) }
        return account.identity
    }

    /// Whether any staff account exists (disabled ones included). Without one, the sign-in page says how to
    /// create the first administrator at the server's console.
    public func hasAccounts() async throws -> Bool {
        try await repository.staffAccountCount() > 0
    }

    /// Every staff account, disabled ones included, in username order; administrators only.
    public func accounts(_ staff: StaffIdentity) async throws -> [StaffAccount] {
        guard staff.role == .admin else { throw LearningError(.forbidden) }
        return try await repository.staffAccounts()
    }

    /// Creates a staff account; administrators only. The username is trimmed and lower-cased, and must be 2–32 of
    /// a–z, 0–9, `.`, `-`, `_` (`invalidUsername`); a username taken is refused (`duplicateUsername`). The
    /// password needs at least `minimumPasswordLength` characters (`weakPassword`). A unit clerk needs their unit
    /// (`unitRequired`, an unknown or retired one is `unknownUnit`); commune staff and administrators see every
    /// unit and take none (`unitNotAllowed`). An empty display name becomes the username. Logged.
    public func createAccount(_ staff: StaffIdentity, username: String, displayName: String, password: String,
                              role: StaffRole, unitID: String?) async throws -> StaffAccount {
        let fields = try await newAccountFields(staff, username: username, displayName: displayName, role: role,
                                                unitID: unitID)
        let secret = try Self.checkPassword(password)
        let account = try await repository.createStaffAccount(
            username: fields.username, displayName: fields.displayName, password: secret, role: role,
            unitID: fields.unitID, at: clock.now())
        try await audit(staff, .createStaffAccount, learnerID: nil, detail: "\(account.username):\(role.rawValue)")
        return account
    }

    /// Every check of `createAccount` but the password's and the unit's existence (the store checks that one),
    /// with the same refusals: a front may ask before it asks for the password. Creates nothing.
    public func checkNewAccount(_ staff: StaffIdentity, username: String, displayName: String, role: StaffRole,
                                unitID: String?) async throws {
        _ = try await newAccountFields(staff, username: username, displayName: displayName, role: role,
                                       unitID: unitID)
    }

    /// The username, display name and unit of a new account as they will be stored, or the first rule broken.
    private func newAccountFields(_ staff: StaffIdentity, username: String, displayName: String, role: StaffRole,
                                  unitID: String?) async throws -> (username: String, displayName: String,
                                                                    unitID: String?) {
        guard staff.role == .admin else { throw LearningError(.forbidden, username) }
        let name = try Self.validUsername(username)
        let unit = unitID.map { TextNormalizer.trimmed($0) }.flatMap { $0.isEmpty ? nil : $0 }
        switch (role, unit) {
        case (.unitClerk, nil): throw LearningError(.unitRequired, name)
        case (.communeStaff, .some(let unit)), (.admin, .some(let unit)): throw LearningError(.unitNotAllowed, unit)
        default: break
        }
        let trimmedDisplayName = TextNormalizer.trimmed(displayName)
        let shownName = try trimmedDisplayName.isEmpty ? name : LearnerValidation.name(trimmedDisplayName)
        if try await repository.staffAccount(username: name) != nil {
            throw ProgressError(.duplicateUsername, name)
        }
        return (name, shownName, unit)
    }

    /// Disables an account (it can no longer sign in; its history stays) or enables it again; administrators
    /// only, and not their own account (`cannotDisableSelf`). An unknown username is `unknownStaffAccount`.
    /// Asking for the state the account is already in changes nothing and logs nothing; a change is logged.
    public func setAccountDisabled(_ staff: StaffIdentity, username: String, disabled: Bool) async throws {
        guard staff.role == .admin else { throw LearningError(.forbidden, username) }
        let name = Self.lookupName(username)
        guard let account = try await repository.staffAccount(username: name) else {
            throw ProgressError(.unknownStaffAccount, name)
        }
        if disabled, account.id == staff.accountID { throw LearningError(.cannotDisableSelf, name) }
        guard account.isDisabled != disabled else { return }
        _ = try await repository.setStaffAccountDisabled(username: name, disabledAt: disabled ? clock.now() : nil)
        try await audit(staff, disabled ? .disableStaffAccount : .enableStaffAccount, learnerID: nil, detail: name)
    }

    /// Gives an account a new password (the same rules as at creation) and lifts any sign-in delay or lock on its
    /// username; administrators only. An unknown username is `unknownStaffAccount`. Logged.
    public func resetPassword(_ staff: StaffIdentity, username: String, password: String) async throws {
        guard staff.role == .admin else { throw LearningError(.forbidden, username) }
        let name = Self.lookupName(username)
        let secret = try Self.checkPassword(password)
        try await repository.resetStaffPassword(username: name, password: secret)
        try await repository.saveStaffSignInThrottle(key: Self.accountThrottleKey(name), state: nil)
        try await audit(staff, .resetStaffPassword, learnerID: nil, detail: name)
    }

    /// The password in NFC (a password typed on another keyboard still matches) if it is long enough and not
    /// longer than bcrypt reads; otherwise `weakPassword` or `passwordTooLong`. Fronts may check early with it;
    /// the use cases check again.
    public static func checkPassword(_ password: String) throws(LearningError) -> String {
        let secret = TextNormalizer.nfc(password)
        guard secret.count >= minimumPasswordLength else {
            throw LearningError(.weakPassword, String(minimumPasswordLength))
        }
        guard secret.utf8.count <= maximumPasswordBytes else {
            throw LearningError(.passwordTooLong, String(maximumPasswordBytes))
        }
        return secret
    }

    /// The username trimmed and lower-cased if it is 2–32 of a–z, 0–9, `.`, `-`, `_`, starting with a letter or
    /// digit, and not reserved; otherwise `invalidUsername`.
    public static func validUsername(_ raw: String) throws(LearningError) -> String {
        let name = lookupName(raw)
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
        }
        guard (2...32).contains(name.count), allowed, let first = name.unicodeScalars.first,
              first != ".", first != "-", first != "_", !reservedUsernames.contains(name)
        else { throw LearningError(.invalidUsername, LearnerValidation.visible(raw)) }
        return name
    }

    /// A username as typed, made ready to look up: trimmed, NFC, lower-cased.
    public static func lookupName(_ raw: String) -> String {
        TextNormalizer.nfc(TextNormalizer.trimmed(raw)).lowercased()
    }

    /// The throttle key of a username (bounded: a username sent a megabyte long is not stored so).
    static func accountThrottleKey(_ name: String) -> String { "user:\(name.prefix(64))" }

    private static func throttled(_ wait: TimeInterval) -> LearningError {
        LearningError(.signInThrottled, retryAfterSeconds: Int(wait.rounded(.up)))
    }
}
