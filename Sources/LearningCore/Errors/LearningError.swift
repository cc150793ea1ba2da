import Foundation

/// Why a use case refused a request, in terms a person can act on. A struct over a private-feeling enum, so
/// fronts switch on `kind` for the status and word the message through `UserFacingError`.
public struct LearningError: UserFacingError, Hashable {
    /// The kinds of refusal; the raw value is the message key's last part.
    public enum Kind: String, Sendable, Hashable {
        /// No course, lesson, quiz, attempt or learner by that id (or not this person's).
        case unknownCourse = "unknown-course"
        case unknownLesson = "unknown-lesson"
        case unknownQuiz = "unknown-quiz"
        case attemptNotFound = "attempt-not-found"
        /// Unit given at sign-in is retired.
        case unitRetired = "unit-retired"
        /// Name and PIN do not match anyone of the unit (one message for both, so names cannot be probed).
        case signInFailed = "sign-in-failed"
        /// Too many wrong PINs; `retryAfterSeconds` says when to try again.
        case signInThrottled = "sign-in-throttled"
        /// The signed-in learner's data was deleted (anonymised) meanwhile.
        case learnerDeleted = "learner-deleted"
        /// The learner has not given (or withdrew) consent to keep learning progress.
        case learningConsentRequired = "learning-consent-required"
        /// A namesake in the same unit already has this PIN (they are told apart by PIN alone).
        case pinInUse = "pin-in-use"
        /// Registration without the required act of consent.
        case consentNotGiven = "consent-not-given"
        /// Staff name or password wrong, or the account disabled.
        case staffSignInFailed = "staff-sign-in-failed"
        /// The staff member's role does not cover this.
        case forbidden = "forbidden"
        /// No certificate with that code.
        case certificateNotFound = "certificate-not-found"
        /// A submission id already used for another attempt.
        case submissionConflict = "submission-conflict"
        /// A staff password shorter than `StaffService.minimumPasswordLength` characters.
        case weakPassword = "weak-password"
        /// A staff password longer than bcrypt reads (`StaffService.maximumPasswordBytes` bytes of UTF-8).
        case passwordTooLong = "password-too-long"
        /// A staff username that is not 2–32 of a–z, 0–9, `.`, `-`, `_`, starting with a letter or digit.
        case invalidUsername = "invalid-username"
        /// A unit clerk's account without the unit they look after.
        case unitRequired = "unit-required"
        /// A unit given for commune staff or an administrator, who see every unit.
        case unitNotAllowed = "unit-not-allowed"
        /// An administrator trying to disable their own account.
        case cannotDisableSelf = "cannot-disable-self"
    }

    public let kind: Kind
    /// The value concerned (an id, a code …), shown in the message.
    public let detail: String
    /// Seconds until a throttled sign-in may be tried again.
    public let retryAfterSeconds: Int?

    public init(_ kind: Kind, _ detail: String = "", retryAfterSeconds: Int? = nil) {
        self.kind = kind
        self.detail = detail
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var messageKey: String { "errors.\(kind.rawValue)" }
    public var messageArguments: [String] {
        if let retryAfterSeconds { return [String(max(1, (retryAfterSeconds + 59) / 60)), detail] }
        return [detail]
    }
}
