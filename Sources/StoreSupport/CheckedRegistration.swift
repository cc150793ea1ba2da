public import LearningCore

/// A new learner's name, phone and PIN checked, and the PIN hashed off the cooperative pool: what either store
/// writes when it registers someone.
package struct CheckedRegistration: Sendable {
    package let name: String
    package let phone: String?
    package let pinHash: String?

    /// - Throws: `ProgressError` for a name, phone or PIN the rules refuse.
    package init(_ new: NewLearner, hashing: SecretHashing) async throws {
        name = try LearnerValidation.name(new.displayName)
        phone = try new.phone.flatMap { try LearnerValidation.phone($0) }
        if let pin = new.pin {
            pinHash = await hashing.hashPINOffPool(try LearnerValidation.pin(pin))
        } else {
            pinHash = nil
        }
    }
}
