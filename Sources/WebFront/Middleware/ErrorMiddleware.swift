public import CourseContent
import Foundation
import HTTPTypes
public import Hummingbird
import LearningCore
import Logging

/// Turns every error into a Vietnamese answer with the right status: an HTML page for the kiosk pages, a
/// `application/problem+json` body under `/api/` and `/healthz`. A `UserFacingError` of the use cases is worded
/// by `MessageCatalog.text(_:)`; anything else is logged and answered with the general "unexpected" message,
/// never a stack trace or a database message. A session whose learner was deleted meanwhile (`learner-deleted`)
/// is ended in `sessions` and its cookie cleared, so the message "the session has ended" is true and the next
/// request is a visitor's.
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let templates: Templates
    let messages: MessageCatalog
    let sessions: SessionStore?

    /// An error middleware rendering pages with `templates`, wording messages with `messages` and ending the
    /// kiosk sessions of deleted learners in `sessions`.
    public init(templates: Templates, messages: MessageCatalog, sessions: SessionStore? = nil) {
        self.templates = templates
        self.messages = messages
        self.sessions = sessions
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var failure = describe(error, context: context)
            let json = Self.wantsJSON(request.uri.path)
            if (error as? LearningError)?.kind == .learnerDeleted,
               let handle = (context as? KioskRequestContext)?.session, handle.session.identity != nil {
                await sessions?.end(token: handle.token)
                if request.headers[.authorization] == nil {
                    let secure = (context as? KioskRequestContext)?.isSecure ?? false
                    failure.headers.append(HTTPField(name: .setCookie, value: SessionCookie.clear(secure: secure)))
                }
            }
            if !json, (error as? WebInputError)?.kind == .signInRequired {
                // A personal page without a session: the start page when the browser still held the cookie of a
                // session that ended (the next person at an idle kiosk), otherwise the sign-in page.
                let ended = SessionCookie.token(of: request) != nil && (context as? KioskRequestContext)?.session == nil
                return Response(status: .seeOther, headers: [.location: ended ? "/" : "/dang-nhap"])
            }
            if !json, (error as? WebInputError)?.kind == .staffSignInRequired {
                return Response(status: .seeOther, headers: [.location: "/can-bo/dang-nhap"])
            }
            if json {
                return ProblemDetails(title: failure.title, status: Int(failure.status.code),
                                      detail: failure.detail).response(headers: failure.headers)
            }
            return page(for: failure)
        }
    }

    /// What an error means for a person.
    struct Failure {
        var status: HTTPResponse.Status
        var title: String
        var detail: String
        var headers: HTTPFields = [:]
    }

    func describe(_ error: any Error, context: Context) -> Failure {
        switch error {
        case let error as any UserFacingError:
            let status = ErrorStatus.status(for: error)
            var failure = Failure(status: status, title: title(status), detail: messages.text(error))
            if let seconds = (error as? LearningError)?.retryAfterSeconds ?? (error as? WebInputError)?.retryAfterSeconds {
                failure.headers[.retryAfter] = String(max(1, seconds))
            }
            return failure
        case let error as any HTTPResponseError:
            let status = error.status
            if status.kind == .serverError {
                context.logger.error("Lỗi máy chủ", metadata: ["hoctap.error": "\(String(reflecting: type(of: error)))"])
            }
            return Failure(status: status, title: title(status), detail: detail(status))
        default:
            // The Swift or SQLite wording is for developers: the log gets the error's type, the person a sentence.
            context.logger.error("Lỗi không mong đợi", metadata: ["hoctap.error": "\(String(reflecting: type(of: error)))"])
            return Failure(status: .internalServerError, title: title(.internalServerError),
                           detail: messages.text("errors.unexpected"))
        }
    }

    /// A short Vietnamese title of the status (`web.status.<code>`).
    func title(_ status: HTTPResponse.Status) -> String {
        let key = "web.status.\(status.code)"
        return messages.contains(key) ? messages.text(key) : messages.text("web.status.other", [String(status.code)])
    }

    /// The explanation of a status without a use-case message (`web.status_detail.<code>`).
    func detail(_ status: HTTPResponse.Status) -> String {
        let key = "web.status_detail.\(status.code)"
        if messages.contains(key) { return messages.text(key) }
        return status.kind == .serverError ? messages.text("errors.unexpected") : messages.text("web.status_detail.other")
    }

    func page(for failure: Failure) -> Response {
        let context: [String: Any] = [
            "pageTitle": failure.title, "heading": failure.title, "detail": failure.detail,
            "status": String(failure.status.code), "isNotFound": failure.status == .notFound,
        ]
        let html = templates.html("error", context) ?? Self.plainPage(failure)
        return Templates.htmlResponse(html, status: failure.status, headers: failure.headers)
    }

    /// The page when even the error template fails: still Vietnamese, still escaped.
    static func plainPage(_ failure: Failure) -> String {
        """
        <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>\(HTMLEscaping.escape(failure.title))</title>\
        </head><body><h1>\(HTMLEscaping.escape(failure.title))</h1><p>\(HTMLEscaping.escape(failure.detail))</p>\
        <p><a href="/">Về trang đầu</a></p></body></html>
        """
    }

    /// Whether the request is answered in JSON (the API and the health check).
    static func wantsJSON(_ path: String) -> Bool {
        path == "/healthz" || path == "/api" || path.hasPrefix("/api/")
    }
}
