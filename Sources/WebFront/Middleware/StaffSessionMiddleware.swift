import HTTPTypes
import Hummingbird

/// Under `/can-bo` (and nowhere else): finds the staff session by its cookie and puts it in the context; a
/// cookie whose session ended (idle, "Đăng xuất") is removed from the browser. Staff pages are never cached.
struct StaffSessionMiddleware: RouterMiddleware {
    typealias Context = KioskRequestContext
    let store: StaffSessionStore

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == StaffCookie.path || request.uri.path.hasPrefix(StaffCookie.path + "/") else {
            return try await next(request, context)
        }
        var context = context
        let presented = StaffCookie.token(of: request)
        if let presented { context.staffSession = await store.session(token: presented) }
        var response = try await next(request, context)
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        if presented != nil, context.staffSession == nil,
           !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(StaffCookie.name + "=") }) {
            response.headers.append(HTTPField(name: .setCookie, value: StaffCookie.clear(secure: context.isSecure)))
        }
        return response
    }
}
