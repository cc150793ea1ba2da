import CourseContent
import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// Signing in to and out of the staff area (`/can-bo`). The password check, its throttling and the roles are
/// `StaffService`'s; this asks and shows. A sign-in opens a new staff session under its own cookie; the form's
/// CSRF token comes from the browser's kiosk session, since there is no staff session yet.
struct StaffSignInRoutes: Sendable {
    let pages: StaffPages
    var services: KioskServices { pages.services }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/can-bo") { _, context in
            Response(status: .seeOther,
                     headers: [.location: context.staffSession == nil ? "/can-bo/dang-nhap" : "/can-bo/tong-quan"])
        }
        router.get("/can-bo/dang-nhap") { _, context in
            var context = context
            if context.staffSession != nil { return Pages.redirect("/can-bo/tong-quan") }
            await pages.kiosk.ensureSession(&context)
            return try await signInPage(username: "", error: nil, context)
        }
        router.post("/can-bo/dang-nhap") { request, context in try await signIn(request, context) }
        router.post("/can-bo/dang-xuat") { request, context in
            if context.staffSession != nil { _ = try await pages.postedForm(request, context) }
            if let handle = context.staffSession { await pages.sessions.end(token: handle.token) }
            var response = Pages.redirect("/can-bo/dang-nhap")
            response.headers.append(HTTPField(name: .setCookie, value: StaffCookie.clear(secure: context.isSecure)))
            return response
        }
    }

    func signInPage(username: String, error: String?, _ context: KioskRequestContext,
                    status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) async throws -> Response {
        var page = PageContext.base(title: services.messages.text("can_bo.sign_in.title"))
        page["csrf"] = context.session?.session.csrfToken ?? ""
        page["username"] = username
        if let error { page["error"] = error }
        page["idleMinutes"] = Int(pages.sessions.idleTimeout / 60)
        page["noAccounts"] = try await !services.staff.hasAccounts()
        var response = try pages.render("staff-sign-in", page, status: status, headers: headers)
        Pages.attachCookie(to: &response, context)
        return response
    }

    func signIn(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let form = try await pages.kiosk.postedForm(request, context)
        let username = TextNormalizer.trimmed(form["username"] ?? "")
        let password = form["password"] ?? ""
        let identity: StaffIdentity
        do {
            identity = try await services.staff.signIn(username: username, password: password,
                                                        clientKey: context.clientAddress)
        } catch let error as LearningError where error.kind == .staffSignInFailed || error.kind == .signInThrottled {
            var headers: HTTPFields = [:]
            if let seconds = error.retryAfterSeconds { headers[.retryAfter] = String(max(1, seconds)) }
            return try await signInPage(username: username, error: pages.message(error), context,
                                        status: ErrorStatus.status(for: error.kind), headers: headers)
        }
        if let previous = context.staffSession { await pages.sessions.end(token: previous.token) }
        let handle = await pages.sessions.open(staff: identity)
        var response = Pages.redirect("/can-bo/tong-quan")
        response.headers.append(HTTPField(name: .setCookie, value: StaffCookie.set(handle.token, secure: context.isSecure)))
        return response
    }
}
