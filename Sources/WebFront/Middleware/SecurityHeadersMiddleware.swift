import HTTPTypes
public import Hummingbird

/// Adds the security headers to every response: a Content-Security-Policy without inline script (so JavaScript,
/// where added later, comes only from `/static/`), no framing, no MIME sniffing and no referrer.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy: everything from this server only, never inside a frame.
    public static var contentSecurityPolicy: String { "default-src 'self'; frame-ancestors 'none'" }

    public init() {}

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        return response
    }
}

extension HTTPField.Name {
    /// `Content-Security-Policy`.
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    /// `X-Content-Type-Options`.
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    /// `Referrer-Policy`.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    /// `X-Frame-Options` (for browsers that ignore `frame-ancestors`).
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
