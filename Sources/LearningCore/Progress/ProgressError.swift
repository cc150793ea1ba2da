/// Why the progress store refused a request, in terms a person can act on.
public struct ProgressError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case unknownUnit = "unknown-unit"
        case unknownLearner = "unknown-learner"
        case invalidName = "invalid-name"
        /// A name with invisible control or direction characters.
        case invalidNameCharacters = "invalid-name-characters"
        case invalidPIN = "invalid-pin"
        case invalidPhone = "invalid-phone"
        case attemptConflict = "attempt-conflict"
        case newerSchema = "newer-schema"
        /// The file is from an earlier version and a command that only reads cannot bring it up to date.
        case olderSchema = "older-schema"
        case duplicateUsername = "duplicate-username"
        /// No staff account with that username.
        case unknownStaffAccount = "unknown-staff-account"
        case missingDatabase = "missing-database"
    }

    public let kind: Kind
    /// The value concerned (a unit code, a learner id …).
    public let detail: String

    public init(_ kind: Kind, _ detail: String = "") {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { detail.isEmpty ? kind.rawValue : "\(kind.rawValue): \(detail)" }
}
