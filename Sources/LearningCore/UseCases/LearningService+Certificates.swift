import Foundation

extension LearningService {
    /// The printable certificate of one of the signed-in learner's own completions. A code that is unknown, or
    /// that belongs to someone else, is `certificateNotFound` alike, so a learner cannot learn whose it is.
    public func certificate(_ identity: LearnerIdentity, code: String) async throws -> CertificateView {
        try await requireActive(identity)
        guard let completion = try await completion(code: code), completion.learnerID == identity.learnerID,
              let learner = try await repository.learner(id: completion.learnerID)
        else { throw LearningError(.certificateNotFound, TextNormalizer.trimmed(code)) }
        return try await certificate(completion, of: learner, code: code)
    }

    /// The printable certificate of a completion, for staff who cover the learner's unit (a unit clerk their
    /// own unit, commune staff and admins every unit); anyone else is refused with `forbidden`. A learner whose
    /// data was deleted has no name left to print: their certificate is `certificateNotFound` here, while the
    /// public check still confirms the code without a name.
    public func certificate(for staff: StaffIdentity, code: String) async throws -> CertificateView {
        guard let completion = try await completion(code: code),
              let learner = try await repository.learner(id: completion.learnerID)
        else { throw LearningError(.certificateNotFound, TextNormalizer.trimmed(code)) }
        guard staff.covers(unitID: learner.unitID) else {
            throw LearningError(.forbidden, TextNormalizer.trimmed(code))
        }
        return try await certificate(completion, of: learner, code: code)
    }

    /// A certificate's code as it is stored: upper case, letters and digits only; nil when it cannot be a code
    /// (too short or too long), so nothing is looked up for it.
    static func cleanedCertificateCode(_ code: String) -> String? {
        let cleaned = code.uppercased().filter { $0.isLetter || $0.isNumber }
        return (6...16).contains(cleaned.count) ? cleaned : nil
    }

    /// The completion a code belongs to, if any.
    private func completion(code: String) async throws -> CourseCompletion? {
        guard let cleaned = Self.cleanedCertificateCode(code) else { return nil }
        return try await repository.completion(verificationCode: cleaned)
    }

    private func certificate(_ completion: CourseCompletion, of learner: Learner, code: String) async throws
        -> CertificateView
    {
        guard learner.anonymisedAt == nil, let name = learner.displayName else {
            throw LearningError(.certificateNotFound, TextNormalizer.trimmed(code))
        }
        let unitName = try await repository.units().first { $0.id == learner.unitID }?.name ?? learner.unitID
        return CertificateView(
            learnerName: name, unitID: learner.unitID, unitName: unitName, courseID: completion.courseID,
            courseTitle: catalog.course(id: completion.courseID)?.title ?? completion.courseID,
            completedAt: completion.completedAt, percent: completion.percent,
            verificationCode: completion.verificationCode)
    }
}
