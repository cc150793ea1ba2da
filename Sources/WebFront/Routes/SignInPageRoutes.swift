import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// Signing in and registering at the kiosk: the unit (picked from the list or found by part of its name), then
/// name and PIN; or registering with the privacy notice and its tick boxes. Every rule (throttling, namesakes,
/// consent) is `SignInService`'s; this only asks and shows. A sign-in replaces the visitor's anonymous session
/// by a new one (a new token), so a token seen before signing in is worth nothing after.
struct SignInPageRoutes: Sendable {
    let pages: Pages
    var services: KioskServices { pages.services }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/dang-nhap") { request, context in try await signInPage(request, context) }
        router.post("/dang-nhap") { request, context in try await signIn(request, context) }
        router.get("/dang-ky") { request, context in try await registerPage(request, context) }
        router.post("/dang-ky") { request, context in try await registerLearner(request, context) }
        router.get("/thong-bao-du-lieu") { _, context in
            var page = pages.base("Thông báo về dữ liệu cá nhân", context)
            page["noticeVersion"] = pages.configuration.privacyNoticeVersion
            return try pages.render("privacy", page, context)
        }
        router.post("/con-o-day") { request, context in
            // The idle countdown's "still here" after a touch: the session middleware has already counted this
            // request as use, so the server's idle time starts again with the script's; 204 only while the
            // learner is still signed in (the script ends the page otherwise).
            _ = try pages.requireIdentity(context)
            _ = try await pages.postedForm(request, context)
            return Response(status: .noContent)
        }
        router.post("/ket-thuc") { request, context in
            // Nothing left to end (the session already ended by sitting idle): just the start page.
            if context.session != nil { _ = try await pages.postedForm(request, context) }
            if let handle = context.session { await pages.sessions.end(token: handle.token) }
            var response = Pages.redirect("/")
            response.headers.append(HTTPField(name: .setCookie, value: SessionCookie.clear(secure: context.isSecure)))
            return response
        }
    }

    // MARK: Sign-in

    func signInPage(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        var context = context
        let query = request.uri.queryParameters
        if let unitID = query["don-vi"].map(String.init),
           let unit = try await services.signIn.activeUnits().first(where: { $0.id == unitID }) {
            await pages.ensureSession(&context)
            return try credentialsPage(unit: unit, name: "", error: nil, context)
        }
        let search = query["tim"].map { String($0) } ?? ""
        let units = search.isEmpty ? try await services.signIn.activeUnits()
            : try await services.signIn.units(matching: TextNormalizer.nfc(search))
        var page = pages.base("Đăng nhập", context)
        page["search"] = search
        page["hasSearch"] = !search.isEmpty
        page["units"] = units.map { ["id": $0.id, "name": $0.name, "url": "/dang-nhap?don-vi=\(PageContext.query($0.id))"] }
        page["hasUnits"] = !units.isEmpty
        return try pages.render("sign-in-unit", page, context)
    }

    func credentialsPage(unit: CommuneUnit, name: String, error: String?, _ context: KioskRequestContext,
                         status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var page = pages.base("Đăng nhập", context)
        page["unitId"] = unit.id
        page["unitName"] = unit.name
        page["name"] = LearnerValidation.withoutForbiddenCharacters(name)
        page["registerUrl"] = "/dang-ky?don-vi=\(PageContext.query(unit.id))"
        if let error { page["error"] = error }
        return try pages.render("sign-in", page, context, status: status, headers: headers)
    }

    func signIn(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let form = try await pages.postedForm(request, context)
        let unitID = try form.require("unitId")
        let name = TextNormalizer.nfc(form["name"] ?? "")
        let pin = form["pin"] ?? ""
        guard let unit = try await services.signIn.activeUnits().first(where: { $0.id == unitID }) else {
            throw ProgressError(.unknownUnit, unitID)
        }
        let identity: LearnerIdentity
        do {
            identity = try await services.signIn.signIn(unitID: unitID, name: name, pin: pin,
                                                       clientKey: context.clientAddress)
        } catch let error as LearningError where error.kind == .signInFailed || error.kind == .signInThrottled {
            let status = ErrorStatus.status(for: error.kind)
            var headers: HTTPFields = [:]
            if let seconds = error.retryAfterSeconds { headers[.retryAfter] = String(max(1, seconds)) }
            return try credentialsPage(unit: unit, name: name, error: pages.message(error), context,
                                       status: status, headers: headers)
        } catch let error as ProgressError {
            return try credentialsPage(unit: unit, name: name, error: pages.message(error), context,
                                       status: ErrorStatus.status(for: error.kind))
        }
        return try await startSignedIn(identity, context)
    }

    /// Replaces the session by a signed-in one and goes on: back into a quiz left open (on the question where
    /// it stopped), or to the learner's courses.
    func startSignedIn(_ identity: LearnerIdentity, _ context: KioskRequestContext) async throws -> Response {
        if let old = context.session { await pages.sessions.end(token: old.token) }
        var context = context
        context.session = await pages.sessions.open(identity: identity)
        let next = try await QuizPageRoutes.resumeLocation(identity, services: services) ?? "/cua-toi"
        return Pages.redirect(next, context)
    }

    // MARK: Registration

    func registerPage(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        var context = context
        await pages.ensureSession(&context)
        let unitID = request.uri.queryParameters["don-vi"].map(String.init)
        return try await registrationForm(context, fields: ["unitId": unitID ?? ""], error: nil)
    }

    func registrationForm(_ context: KioskRequestContext, fields: [String: String], error: String?,
                          status: HTTPResponse.Status = .ok) async throws -> Response {
        var page = pages.base("Đăng ký người học mới", context)
        let chosen = fields["unitId"] ?? ""
        page["units"] = try await services.signIn.activeUnits().map {
            ["id": $0.id, "name": $0.name, "selected": $0.id == chosen] as [String: Any]
        }
        let category = fields["category"] ?? LearnerCategory.citizens.rawValue
        page["categories"] = LearnerCategory.allCases.map {
            ["id": $0.rawValue, "name": services.messages.text("categories.\($0.rawValue)"),
             "checked": $0.rawValue == category] as [String: Any]
        }
        // A refused name comes back without the invisible characters the message shows as <U+…>.
        page["name"] = LearnerValidation.withoutForbiddenCharacters(fields["name"] ?? "")
        page["phone"] = LearnerValidation.withoutForbiddenCharacters(fields["phone"] ?? "")
        page["reportingChecked"] = fields["reporting"] == "1"
        page["noticeVersion"] = pages.configuration.privacyNoticeVersion
        if let error { page["error"] = error }
        return try pages.render("register", page, context, status: status)
    }

    func registerLearner(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let form = try await pages.postedForm(request, context)
        let fields: [String: String] = [
            "unitId": form["unitId"] ?? "", "name": TextNormalizer.nfc(form["name"] ?? ""),
            "category": form["category"] ?? "", "phone": form["phone"] ?? "",
            "reporting": form["consentReporting"] == "1" ? "1" : "",
        ]
        func refuse(_ text: String, _ status: HTTPResponse.Status) async throws -> Response {
            try await registrationForm(context, fields: fields, error: text, status: status)
        }
        guard let category = LearnerCategory(rawValue: fields["category"]!) else {
            return try await refuse(services.messages.text("web.register.category_missing"), .unprocessableContent)
        }
        let pin = form["pin"] ?? ""
        guard pin == (form["pinAgain"] ?? "") else {
            return try await refuse(services.messages.text("web.register.pin_mismatch"), .unprocessableContent)
        }
        let phone = fields["phone"]!.trimmingCharacters(in: .whitespaces)
        let new = NewLearner(displayName: fields["name"]!, unitID: fields["unitId"]!, category: category,
                             phone: phone.isEmpty ? nil : phone, pin: pin)
        let consent = ConsentChoices(learning: form["consentLearning"] == "1",
                                     reporting: form["consentReporting"] == "1",
                                     noticeVersion: pages.configuration.privacyNoticeVersion)
        do {
            let identity = try await services.signIn.register(new, consent: consent)
            return try await startSignedIn(identity, context)
        } catch let error as any UserFacingError {
            return try await refuse(pages.message(error), ErrorStatus.status(for: error))
        }
    }
}
