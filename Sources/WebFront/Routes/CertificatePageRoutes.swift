import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// The certificate pages: the signed-in learner's printable certificate (`/chung-nhan/{code}`, their own
/// completions only), and the public check of a code (`/xac-minh/{code}`, where a certificate's QR code
/// points), which confirms the name, the course and the date and nothing else. Lookups of the public check are
/// limited per client address by the same limiter as the API's `GET /api/v1/certificates/{code}`.
struct CertificatePageRoutes: Sendable {
    let pages: Pages
    let lookups: LookupRateLimiter
    var learning: LearningService { pages.services.learning }

    /// Longest code typed into the form that is passed on (codes are 10 characters, 8 for old ones).
    static let maxTypedCode = 40

    func register(on router: Router<KioskRequestContext>) {
        router.get("/chung-nhan/{code}") { request, context in
            try await certificatePage(request, context, code: try Self.code(context))
        }
        router.get("/xac-minh") { request, context in try await verificationForm(request, context) }
        router.get("/xac-minh/{code}") { _, context in
            try await verificationPage(context, code: try Self.code(context))
        }
    }

    /// The `{code}` segment, percent-decoded.
    static func code(_ context: KioskRequestContext) throws -> String {
        let raw = try context.parameters.require("code")
        return raw.removingPercentEncoding ?? raw
    }

    /// `/chung-nhan/{code}`.
    static func certificatePath(_ code: String) -> String { "/chung-nhan/\(PageContext.pathSegment(code))" }

    func certificatePage(_ request: Request, _ context: KioskRequestContext, code: String) async throws
        -> Response
    {
        let identity = try pages.requireIdentity(context)
        let view = try await learning.certificate(identity, code: code)
        let url = CertificatePage.verificationURL(code: view.verificationCode, request: request, context: context,
                                                  configuration: pages.configuration)
        return try CertificatePage.render(view: view, verificationURL: url, pages: pages, context: context)
    }

    /// The form to type a code; a code typed goes on to its own address, so each check has one.
    func verificationForm(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        // A GET form sends a space typed in the code as "+".
        let typed = request.uri.queryParameters["ma"].map { String($0).replacingOccurrences(of: "+", with: " ") }
        let code = TextNormalizer.trimmed(typed ?? "")
        if !code.isEmpty { return Pages.redirect(CertificatePage.verificationPath(String(code.prefix(Self.maxTypedCode)))) }
        var page = pages.base(pages.services.messages.text("web.verify.title"), context)
        page["askedEmpty"] = typed != nil
        return try pages.render("verify", page, context)
    }

    func verificationPage(_ context: KioskRequestContext, code: String) async throws -> Response {
        if let wait = await lookups.admit(context.clientAddress) {
            throw WebInputError(.tooManyLookups, retryAfterSeconds: wait)
        }
        let messages = pages.services.messages
        var page = pages.base(messages.text("web.verify.title"), context)
        do {
            let certificate = try await learning.lookUpCertificate(code: code)
            var found: [String: Any] = [
                "courseTitle": certificate.courseTitle, "date": Pages.date(certificate.completedAt),
                "code": certificate.verificationCode, "nameDeleted": certificate.learnerName == nil,
            ]
            if let name = certificate.learnerName { found["holderName"] = name }
            page["found"] = found
            return try pages.render("verify", page, context)
        } catch let error as LearningError where error.kind == .certificateNotFound {
            page["notFound"] = messages.text(error)
            page["typedCode"] = String(TextNormalizer.trimmed(code).prefix(Self.maxTypedCode))
            return try pages.render("verify", page, context, status: .notFound)
        }
    }
}
