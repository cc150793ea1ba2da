public import Foundation
public import Hummingbird
public import LearningCore
import NIOCore

/// The request context of every route: Hummingbird's core storage, the JSON encoder of the API (camelCase
/// names, sorted keys, dates in ISO 8601), the session found for the request (by cookie or bearer token) and
/// the client's address (the kiosk, for PIN throttling and the certificate lookup's rate limit).
public struct KioskRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's session, set by `SessionMiddleware`; nil for a visitor without one (or whose session
    /// ended by sitting idle).
    public var session: SessionHandle?
    /// The staff session under `/can-bo`, set by `StaffSessionMiddleware` from its own cookie; nil elsewhere.
    public var staffSession: StaffSessionHandle?
    /// The client's IP address, or "unknown" (in-process tests).
    public let clientAddress: String
    /// Whether the request reached us over HTTPS (directly or through a proxy that says so): cookies are then
    /// marked `Secure`.
    public var isSecure = false

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies are decoded only up to this size (64 KiB); larger ones are refused with 413.
    public var maxUploadSize: Int { WebLimits.maxBodyBytes }

    /// How API responses are encoded.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The signed-in learner, if any.
    public var identity: LearnerIdentity? { session?.session.identity }
}

/// Fixed limits of the front.
public enum WebLimits {
    /// The largest request body accepted: forms and JSON of the kiosk are a few hundred bytes.
    public static let maxBodyBytes = 64 * 1024
}
