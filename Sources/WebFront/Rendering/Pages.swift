import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// What every kiosk page route shares: the templates, the session store, and the few steps around rendering a
/// page for a person (who is signed in, the CSRF token of the page's forms, the session cookie when a session
/// was just opened, the idle countdown's length).
struct Pages: Sendable {
    let templates: Templates
    let sessions: SessionStore
    let services: KioskServices
    let configuration: WebConfiguration
    /// Pages rendered once for visitors without a session.
    let publicPages = PublicPageCache()

    /// The base context of a page: its title and, when the request has a session, the learner's name, the
    /// CSRF token and the idle timeout (for the countdown script).
    func base(_ title: String?, _ context: KioskRequestContext) -> [String: Any] {
        var page = PageContext.base(title: title)
        if let handle = context.session {
            page["csrf"] = handle.session.csrfToken
            if let identity = handle.session.identity {
                page["signedIn"] = true
                page["learnerName"] = identity.displayName
                page["idleSeconds"] = Int(configuration.idleTimeout)
                // Without JavaScript the page reloads the start page once the server has ended the session
                // (the margin lets the session's last request, the stylesheet, fall out of the idle time).
                page["idleRefreshSeconds"] = Int(configuration.idleTimeout) + 5
            }
        }
        return page
    }

    /// Renders `name`, adding the cookie of a session opened for this request.
    func render(_ name: String, _ page: [String: Any], _ context: KioskRequestContext,
                status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var response = try templates.page(name, page, status: status, headers: headers)
        Self.attachCookie(to: &response, context)
        return response
    }

    /// Renders `name` for a visitor without a session once and serves that HTML after (`key` names the page);
    /// with a session, renders as usual.
    func renderPublic(_ key: String, _ name: String, _ context: KioskRequestContext,
                      _ page: () async throws -> [String: Any]) async throws -> Response {
        guard context.session == nil else { return try render(name, try await page(), context) }
        if let cached = publicPages.cached(key) { return Templates.htmlResponse(cached) }
        guard let html = templates.html(name, try await page()) else {
            throw Templates.Failure.missing(name: name, path: name)
        }
        let buffer = publicPages.store(key, ByteBuffer(string: html))
        return Templates.htmlResponse(buffer)
    }

    /// A session for this request: the one it has, or a new anonymous one (pages with forms need one for
    /// their CSRF token).
    func ensureSession(_ context: inout KioskRequestContext) async {
        if context.session == nil { context.session = await sessions.open(identity: nil) }
    }

    /// The signed-in learner, or a refusal that sends the person to the sign-in page.
    func requireIdentity(_ context: KioskRequestContext) throws -> LearnerIdentity {
        guard let identity = context.session?.session.identity else { throw WebInputError(.signInRequired) }
        return identity
    }

    /// Reads a posted form and checks its CSRF token against the session's.
    func postedForm(_ request: Request, _ context: KioskRequestContext) async throws -> FormFields {
        let form = try await FormFields.read(request, context: context)
        guard let handle = context.session, SessionToken.matches(form["csrf"] ?? "", handle.session.csrfToken) else {
            throw WebInputError(.csrf)
        }
        return form
    }

    /// A "see other" redirect after a form post (so Back and refresh never post again).
    static func redirect(_ location: String, _ context: KioskRequestContext? = nil) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        if let context { attachCookie(to: &response, context) }
        return response
    }

    static func attachCookie(to response: inout Response, _ context: KioskRequestContext) {
        if let handle = context.session, handle.isNew {
            response.headers.append(HTTPField(name: .setCookie,
                                              value: SessionCookie.set(handle.token, secure: context.isSecure)))
        }
    }

    /// A date as a Vietnamese reader writes it (25/11/2026), in the commune's time zone.
    static func date(_ date: Date) -> String { format(date, "dd/MM/yyyy") }

    /// A moment as a Vietnamese reader writes it (14:05 25/11/2026), in the commune's time zone.
    static func dateTime(_ date: Date) -> String { format(date, "HH:mm dd/MM/yyyy") }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "vi_VN")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// The Vietnamese message of a use-case refusal.
    func message(_ error: any UserFacingError) -> String { services.messages.text(error) }
}
