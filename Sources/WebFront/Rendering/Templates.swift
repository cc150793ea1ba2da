public import Foundation
public import HTTPTypes
public import Hummingbird
public import Mustache

/// The kiosk's Mustache templates (`Content/web/templates/*.mustache`), loaded once at start, and the one place
/// pages are rendered into HTML responses. Every page extends `layout` (`lang="vi"`, UTF-8, the stylesheet).
public struct Templates: Sendable {
    /// Why the templates could not be used.
    public enum Failure: Error, Sendable, Equatable {
        /// The folder is missing or a template does not parse.
        case unreadable(path: String, reason: String)
        /// A template every page needs is missing.
        case missing(name: String, path: String)

        /// The folder or file concerned, for the message.
        public var path: String {
            switch self {
            case .unreadable(let path, _), .missing(_, let path): path
            }
        }
    }

    /// The templates the front cannot run without.
    public static let required = [
        "layout", "practice-notice", "start", "practice-courses", "course", "lesson", "error", "sign-in-unit",
        "sign-in", "register", "privacy", "privacy-notice", "my-courses", "my-results", "quiz-intro", "question",
        "review", "result", "certificate", "verify", "staff-layout", "staff-sign-in", "staff-dashboard",
        "staff-learners", "staff-learner", "staff-confirm", "staff-quizzes", "staff-audit", "staff-reports",
        "staff-import", "staff-accounts",
    ]

    private let library: MustacheLibrary

    /// Wraps an already loaded library (tests may build one from strings).
    public init(library: MustacheLibrary) {
        self.library = library
    }

    /// Loads every `.mustache` file below `directory` and checks that the required ones are there.
    public static func load(from directory: URL) async throws -> Templates {
        let library: MustacheLibrary
        do {
            library = try await MustacheLibrary(directory: directory.path)
        } catch {
            throw Failure.unreadable(path: directory.path, reason: String(describing: error))
        }
        for name in required where library.getTemplate(named: name) == nil {
            throw Failure.missing(name: name, path: directory.appendingPathComponent("\(name).mustache").path)
        }
        return Templates(library: library)
    }

    /// The HTML of template `name` over `context`, or nil when there is no such template.
    public func html(_ name: String, _ context: [String: Any]) -> String? {
        library.render(context, withTemplate: name)
    }

    /// An HTML response of template `name` over `context`.
    public func page(_ name: String, _ context: [String: Any], status: HTTPResponse.Status = .ok,
                     headers: HTTPFields = [:]) throws -> Response {
        guard let html = html(name, context) else { throw Failure.missing(name: name, path: name) }
        return Self.htmlResponse(html, status: status, headers: headers)
    }

    /// Wraps finished HTML into a response with the right content type.
    public static func htmlResponse(_ html: String, status: HTTPResponse.Status = .ok,
                                    headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// An HTML response of already rendered bytes.
    public static func htmlResponse(_ html: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: html))
    }
}
