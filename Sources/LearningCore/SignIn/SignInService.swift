import Foundation

/// Kiosk sign-in and registration: unit → name → PIN, with wrong PINs limited per learner and per kiosk, and
/// consent given by an act, per purpose. No step ever lists people's names.
public struct SignInService: Sendable {
    public let repository: any ProgressRepository
    public let clock: any WallClock
    public var learnerThrottle: SignInThrottle
    public var kioskThrottle: SignInThrottle

    public init(repository: any ProgressRepository, clock: any WallClock,
                learnerThrottle: SignInThrottle = .perLearner, kioskThrottle: SignInThrottle = .perKiosk) {
        self.repository = repository
        self.clock = clock
        self.learnerThrottle = learnerThrottle
        self.kioskThrottle = kioskThrottle
    }

    /// The units a learner may pick: those still active, in name order.
    public func activeUnits() async throws -> [CommuneUnit] {
        try await repository.units().filter { $0.retiredAt == nil }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    /// Active units whose name contains `text`, ignoring case and diacritics ("dong" finds "Thôn Đông").
    public func units(matching text: String) async throws -> [CommuneUnit] {
        let key = TextNormalizer.comparisonKey(text, ignoringDiacritics: true)
        let units = try await activeUnits()
        guard !key.isEmpty else { return units }
        return units.filter { TextNormalizer.comparisonKey($0.name, ignoringDiacritics: true).contains(key) }
    }

    /// Signs a learner in by unit, name and PIN. `clientKey` names the kiosk (the front passes its address).
    /// Learners of one unit with the same name are told apart by their PIN alone.
    public func signIn(unitID: String, name: String, pin: String, clientKey: String) async throws -> LearnerIdentity {
        let now = clock.now()
        try await requireUnit(unitID)
        let kioskKey = "kiosk:\(clientKey)"
        let kioskState = try await repository.signInThrottle(key: kioskKey)
        if let wait = kioskThrottle.waitTime(kioskState, at: now) { throw Self.throttled(wait) }

        let candidates = try await repository.learners(unitID: unitID, named: name)
        var waits: [TimeInterval] = []
        var tried: [(Learner, SignInThrottle.State?)] = []
        for learner in candidates {
            let state = try await repository.signInThrottle(key: Self.learnerKey(learner.id))
            if let wait = learnerThrottle.waitTime(state, at: now) {
                waits.append(wait)
                continue
            }
            if try await repository.verifyPIN(learnerID: learner.id, pin: pin) {
                try await repository.saveSignInThrottle(key: Self.learnerKey(learner.id), state: nil)
                return LearnerIdentity(learnerID: learner.id, unitID: learner.unitID,
                                       displayName: learner.displayName ?? "")
            }
            tried.append((learner, state))
        }
        if tried.isEmpty, let wait = waits.min() { throw Self.throttled(wait) }
        for (learner, state) in tried {
            try await repository.saveSignInThrottle(key: Self.learnerKey(learner.id),
                                                    state: learnerThrottle.failing(state, at: now))
        }
        try await repository.saveSignInThrottle(key: kioskKey, state: kioskThrottle.failing(kioskState, at: now))
        throw LearningError(.signInFailed)
    }

    /// Registers a learner at a kiosk with a PIN, recording each consent given. Consent to keep learning
    /// progress is required; being named in reports is optional.
    public func register(_ new: NewLearner, consent: ConsentChoices) async throws -> LearnerIdentity {
        guard consent.learning else { throw LearningError(.consentNotGiven) }
        guard let pin = new.pin else { throw ProgressError(.invalidPIN) }
        _ = try LearnerValidation.pin(pin)
        try await requireUnit(new.unitID)
        // Namesakes in a unit are told apart by their PIN alone, so two of them may not share one.
        for namesake in try await repository.learners(unitID: new.unitID, named: new.displayName)
        where try await repository.verifyPIN(learnerID: namesake.id, pin: pin) {
            throw LearningError(.pinInUse)
        }
        let now = clock.now()
        let learner = try await repository.register(new, at: now)
        try await repository.recordConsent(ConsentEvent(
            learnerID: learner.id, purpose: .learning, noticeVersion: consent.noticeVersion, given: true, at: now))
        if consent.reporting {
            try await repository.recordConsent(ConsentEvent(
                learnerID: learner.id, purpose: .reporting, noticeVersion: consent.noticeVersion, given: true, at: now))
        }
        return LearnerIdentity(learnerID: learner.id, unitID: learner.unitID, displayName: learner.displayName ?? "")
    }

    /// The purposes the learner consents to now (the latest word on each).
    public func consents(_ identity: LearnerIdentity) async throws -> Set<ConsentPurpose> {
        Self.current(try await repository.consents(learnerID: identity.learnerID))
    }

    /// Gives or withdraws consent for one purpose; withdrawing the learning purpose stops recording progress.
    public func setConsent(_ identity: LearnerIdentity, purpose: ConsentPurpose, given: Bool, noticeVersion: String)
        async throws
    {
        try await repository.recordConsent(ConsentEvent(
            learnerID: identity.learnerID, purpose: purpose, noticeVersion: noticeVersion, given: given,
            at: clock.now()))
    }

    /// The purposes consented to, from the log of consents (the latest event per purpose decides).
    public static func current(_ events: [ConsentEvent]) -> Set<ConsentPurpose> {
        var given: Set<ConsentPurpose> = []
        for event in events {
            if event.given { given.insert(event.purpose) } else { given.remove(event.purpose) }
        }
        return given
    }

    private func requireUnit(_ unitID: String) async throws {
        guard let unit = try await repository.units().first(where: { $0.id == unitID }) else {
            throw ProgressError(.unknownUnit, unitID)
        }
        if unit.retiredAt != nil { throw LearningError(.unitRetired, unit.name) }
    }

    /// The key a learner's wrong PINs are counted under in the store.
    public static func learnerKey(_ id: Int64) -> String { "learner:\(id)" }

    /// The learner a throttle key counts wrong PINs for, if it is a learner's key (a store copied elsewhere
    /// gives its learners new ids, and their keys must follow).
    public static func learnerID(inKey key: String) -> Int64? {
        key.hasPrefix("learner:") ? Int64(key.dropFirst("learner:".count)) : nil
    }

    private static func throttled(_ wait: TimeInterval) -> LearningError {
        LearningError(.signInThrottled, retryAfterSeconds: Int(wait.rounded(.up)))
    }
}
