import HTTPTypes
public import LearningCore

/// A request the front itself refuses before any use case runs: a form without its CSRF token, a body too
/// large, not UTF-8 or not parseable, a personal page without signing in. Worded by `web.input.<kind>`.
public struct WebInputError: UserFacingError, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The form's CSRF token is missing or not this session's (or the session ended meanwhile).
        case csrf
        /// The body is larger than `WebLimits.maxBodyBytes`.
        case tooLarge = "too-large"
        /// The body is not UTF-8.
        case notUTF8 = "not-utf8"
        /// The form or JSON cannot be read, or a field it needs is missing or of the wrong type.
        case malformed
        /// The body's content type is not the one the route reads.
        case unsupportedType = "unsupported-type"
        /// The route needs a signed-in learner.
        case signInRequired = "sign-in-required"
        /// The staff page needs a signed-in staff member (or the staff session sat idle too long).
        case staffSignInRequired = "staff-sign-in-required"
        /// An uploaded file is larger than the page allows (the detail: its limit in MiB).
        case uploadTooLarge = "upload-too-large"
        /// The server keeps no report figures (a front built without them).
        case reportsUnavailable = "reports-unavailable"
        /// Too many certificate lookups from this address.
        case tooManyLookups = "too-many-lookups"
    }

    public let kind: Kind
    /// The field concerned, if any.
    public let detail: String
    /// Seconds until another try (rate limits).
    public let retryAfterSeconds: Int?

    public init(_ kind: Kind, _ detail: String = "", retryAfterSeconds: Int? = nil) {
        self.kind = kind
        self.detail = detail
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var messageKey: String { "web.input.\(kind.rawValue)" }
    public var messageArguments: [String] { [detail] }

    /// The status of each kind.
    var status: HTTPResponse.Status {
        switch kind {
        case .csrf: .forbidden
        case .tooLarge, .uploadTooLarge: .contentTooLarge
        case .notUTF8, .malformed: .badRequest
        case .unsupportedType: .unsupportedMediaType
        case .signInRequired, .staffSignInRequired: .unauthorized
        case .tooManyLookups: .tooManyRequests
        case .reportsUnavailable: .serviceUnavailable
        }
    }
}
