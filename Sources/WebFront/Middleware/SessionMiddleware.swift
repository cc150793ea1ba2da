import HTTPTypes
import Hummingbird

/// Finds the request's session by its bearer token or cookie and puts it in the context. A cookie whose
/// session ended (idle, "Kết thúc") is removed from the browser, so the next person starts clean. Also sets
/// `Cache-Control: no-store` on every response that does not set its own caching (every page, every JSON
/// answer): Back on a shared kiosk shows nothing of the last person.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext
    let store: SessionStore

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.isSecure = request.uri.scheme?.rawValue == "https"
            || request.headers[.xForwardedProto]?.lowercased() == "https"
        let presented = SessionCookie.token(of: request)
        if let presented { context.session = await store.session(token: presented) }
        var response = try await next(request, context)
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if presented != nil, context.session == nil, request.headers[.authorization] == nil,
           !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(SessionCookie.name + "=") }) {
            response.headers.append(HTTPField(name: .setCookie, value: SessionCookie.clear(secure: context.isSecure)))
        }
        return response
    }
}

extension HTTPField.Name {
    /// `X-Forwarded-Proto`, set by a TLS-terminating proxy in front of the kiosk server.
    static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}
