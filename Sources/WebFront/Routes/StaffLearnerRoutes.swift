import CourseContent
import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// "Người học": a unit's learners, searched by name with or without diacritics, and a learner's page with the
/// rights actions (see, export, correct, delete = anonymise, withdraw consent). Each action is confirmed on its
/// own form, checked against the staff member's role and written to the audit log by `StaffService`; and a
/// learner's certificate, to print at the desk.
struct StaffLearnerRoutes: Sendable {
    let pages: StaffPages
    var services: KioskServices { pages.services }
    /// Learners shown per page of the list.
    static let pageSize = 50

    func register(on router: Router<KioskRequestContext>) {
        router.get("/can-bo/nguoi-hoc") { request, context in try await list(request, context) }
        router.get("/can-bo/nguoi-hoc/{id}") { request, context in
            // After an action, `?da=…` names what was done (`can_bo.done.*`).
            let done = request.uri.queryParameters["da"].map { "can_bo.done.\($0)" }
            let notice = done.flatMap { services.messages.contains($0) ? services.messages.text($0) : nil }
            return try await learnerPage(try learnerID(context), context, notice: notice)
        }
        router.get("/can-bo/chung-nhan/{code}") { request, context in try await certificate(request, context) }
        router.get("/can-bo/nguoi-hoc/{id}/xuat") { _, context in try await export(try learnerID(context), context) }
        router.post("/can-bo/nguoi-hoc/{id}/sua") { request, context in
            try await correct(try learnerID(context), request, context)
        }
        router.get("/can-bo/nguoi-hoc/{id}/xoa") { _, context in
            try await confirmPage(try learnerID(context), action: "delete", purpose: nil, context)
        }
        router.post("/can-bo/nguoi-hoc/{id}/xoa") { request, context in
            let id = try learnerID(context)
            let (_, session) = try await pages.postedForm(request, context)
            try await services.staff.delete(session.identity, learnerID: id)
            return Pages.redirect("/can-bo/nguoi-hoc/\(id)?da=xoa")
        }
        router.get("/can-bo/nguoi-hoc/{id}/rut-dong-y") { request, context in
            let purpose = try consentPurpose(request.uri.queryParameters["muc-dich"].map(String.init))
            return try await confirmPage(try learnerID(context), action: "withdraw", purpose: purpose, context)
        }
        router.post("/can-bo/nguoi-hoc/{id}/rut-dong-y") { request, context in
            let id = try learnerID(context)
            let (form, session) = try await pages.postedForm(request, context)
            let purpose = try consentPurpose(form["purpose"])
            try await services.staff.withdrawConsent(session.identity, learnerID: id, purpose: purpose,
                                                     noticeVersion: pages.configuration.privacyNoticeVersion)
            return Pages.redirect("/can-bo/nguoi-hoc/\(id)?da=rut-dong-y")
        }
    }

    /// `/can-bo/chung-nhan/{code}`: a learner's certificate, printed for them at the desk; the same page as the
    /// learner's own, for staff who cover the learner's unit (`LearningService.certificate(for:code:)`).
    func certificate(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let session = try await pages.requireStaff(context)
        let view = try await services.learning.certificate(for: session.identity,
                                                           code: try CertificatePageRoutes.code(context))
        let url = CertificatePage.verificationURL(code: view.verificationCode, request: request, context: context,
                                                  configuration: pages.configuration)
        let base = PageContext.base(title: services.messages.text("web.certificate.title"))
        return try CertificatePage.render(view: view, verificationURL: url, pages: pages.kiosk, context: context,
                                          base: base, backURL: "/can-bo/nguoi-hoc")
    }

    func learnerID(_ context: KioskRequestContext) throws -> Int64 {
        guard let raw = context.parameters.get("id"), let id = Int64(raw), id > 0 else {
            throw ProgressError(.unknownLearner, context.parameters.get("id") ?? "")
        }
        return id
    }

    func consentPurpose(_ raw: String?) throws -> ConsentPurpose {
        guard let raw, let purpose = ConsentPurpose(rawValue: raw) else { throw WebInputError(.malformed, "muc-dich") }
        return purpose
    }

    // MARK: The list

    func list(_ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let session = try await pages.requireStaff(context)
        let staff = session.identity
        let query = request.uri.queryParameters
        let unitID = query["don-vi"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let search = TextNormalizer.trimmed(query["tim"].map(String.init) ?? "")
        let pageNumber = max(1, query["trang"].flatMap { Int($0) } ?? 1)
        let all = try await services.staff.learners(staff, unitID: unitID)
        let key = TextNormalizer.comparisonKey(search, ignoringDiacritics: true)
        let found = all.filter { learner in
            guard !key.isEmpty else { return true }
            guard let name = learner.displayName else { return false }
            return TextNormalizer.comparisonKey(name, ignoringDiacritics: true).contains(key)
        }.sorted { ($0.displayName ?? "~", $0.id) < ($1.displayName ?? "~", $1.id) }
        let pageCount = max(1, (found.count + Self.pageSize - 1) / Self.pageSize)
        let current = min(pageNumber, pageCount)
        let shown = Array(found.dropFirst((current - 1) * Self.pageSize).prefix(Self.pageSize))
        let completions = try await services.learning.completions(for: staff, learnerIDs: shown.map(\.id))
        var page = pages.base(services.messages.text("can_bo.menu.learners"), session, current: "/can-bo/nguoi-hoc")
        page["units"] = pages.units(for: staff, selected: unitID ?? staff.unitID)
        page["allUnits"] = staff.role != .unitClerk
        page["search"] = search
        page["count"] = found.count
        page["learners"] = shown.map { learner -> [String: Any] in
            [
                "url": "/can-bo/nguoi-hoc/\(learner.id)", "id": learner.id,
                "name": learner.displayName ?? services.messages.text("can_bo.learner.anonymised"),
                "anonymised": learner.anonymisedAt != nil, "unit": pages.unitName(learner.unitID),
                "category": pages.categoryName(learner.category.rawValue), "registered": Pages.date(learner.createdAt),
                "completions": completions[learner.id]?.count ?? 0,
            ]
        }
        page["hasLearners"] = !shown.isEmpty
        var base = "/can-bo/nguoi-hoc?tim=\(PageContext.query(search))"
        if let unitID { base += "&don-vi=\(PageContext.query(unitID))" }
        if current > 1 { page["previousUrl"] = base + "&trang=\(current - 1)" }
        if current < pageCount { page["nextUrl"] = base + "&trang=\(current + 1)" }
        page["pageNumber"] = current
        page["pageCount"] = pageCount
        return try pages.render("staff-learners", page)
    }

    // MARK: One learner

    func learnerPage(_ id: Int64, _ context: KioskRequestContext, notice: String?,
                     error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let session = try await pages.requireStaff(context)
        let data = try await services.staff.personalData(session.identity, learnerID: id)
        var page = pages.base(data.displayName ?? services.messages.text("can_bo.learner.anonymised"), session,
                              current: "/can-bo/nguoi-hoc")
        let courseTitle = { (id: String) in services.learning.catalog.course(id: id)?.title ?? id }
        page["learner"] = [
            "id": data.id, "name": data.displayName ?? services.messages.text("can_bo.learner.anonymised"),
            "nameValue": data.displayName ?? "", "phone": data.phone ?? "", "hasPhone": data.phone != nil,
            "unit": pages.unitName(data.unitId), "category": pages.categoryName(data.category),
            "registered": Pages.date(data.createdAt), "hasPIN": data.hasPIN,
            "anonymised": data.anonymisedAt.map(Pages.date) as Any, "isAnonymised": data.anonymisedAt != nil,
        ] as [String: Any]
        page["units"] = pages.units(for: session.identity, selected: data.unitId)
        page["categories"] = LearnerCategory.allCases.map {
            ["id": $0.rawValue, "name": pages.categoryName($0.rawValue), "selected": $0.rawValue == data.category]
        }
        let latest = Dictionary(data.consents.map { ($0.purpose, $0) }, uniquingKeysWith: { $0.at >= $1.at ? $0 : $1 })
        page["consents"] = ConsentPurpose.allCases.map { purpose -> [String: Any] in
            var item: [String: Any] = [
                "purpose": purpose.rawValue, "label": services.messages.text("can_bo.consent.\(purpose.rawValue)"),
                "given": latest[purpose.rawValue]?.given ?? false,
                "withdrawUrl": "/can-bo/nguoi-hoc/\(id)/rut-dong-y?muc-dich=\(purpose.rawValue)",
            ]
            if let consent = latest[purpose.rawValue] { item["at"] = Pages.date(consent.at) }
            return item
        }
        page["completions"] = data.completions.map { completion -> [String: Any] in
            [
                "course": courseTitle(completion.courseId), "date": Pages.date(completion.completedAt),
                "percent": completion.percent.map(String.init) ?? "—", "code": completion.verificationCode,
                "certificateUrl": "/can-bo/chung-nhan/\(PageContext.pathSegment(completion.verificationCode))",
            ]
        }
        page["hasCompletions"] = !data.completions.isEmpty
        page["attempts"] = data.attempts.sorted { $0.submittedAt > $1.submittedAt }.map { attempt -> [String: Any] in
            ["course": courseTitle(attempt.courseId), "date": Pages.date(attempt.submittedAt),
             "percent": attempt.percent, "passed": attempt.passed]
        }
        page["hasAttempts"] = !data.attempts.isEmpty
        page["lessonsDone"] = data.lessons.filter { $0.completedAt != nil }.count
        page["exportUrl"] = "/can-bo/nguoi-hoc/\(id)/xuat"
        page["correctUrl"] = "/can-bo/nguoi-hoc/\(id)/sua"
        page["deleteUrl"] = "/can-bo/nguoi-hoc/\(id)/xoa"
        if let notice { page["notice"] = notice }
        if let error { page["error"] = error }
        return try pages.render("staff-learner", page, status: status)
    }

    func export(_ id: Int64, _ context: KioskRequestContext) async throws -> Response {
        let session = try await pages.requireStaff(context)
        let data = try await services.staff.personalData(session.identity, learnerID: id, forExport: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let body = try encoder.encode(data)
        return Response(status: .ok, headers: [
            .contentType: "application/json",
            .contentDisposition: "attachment; filename=\"nguoi-hoc-\(id).json\"",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    func correct(_ id: Int64, _ request: Request, _ context: KioskRequestContext) async throws -> Response {
        let (form, session) = try await pages.postedForm(request, context)
        let current = try await services.staff.personalData(session.identity, learnerID: id)
        var correction = LearnerCorrection()
        let name = TextNormalizer.nfc(TextNormalizer.trimmed(form["name"] ?? ""))
        if !name.isEmpty, name != current.displayName { correction.displayName = name }
        if let unit = form["unitId"], !unit.isEmpty, unit != current.unitId { correction.unitID = unit }
        if let raw = form["category"], raw != current.category {
            guard let category = LearnerCategory(rawValue: raw) else { throw WebInputError(.malformed, "category") }
            correction.category = category
        }
        let phone = TextNormalizer.trimmed(form["phone"] ?? "")
        if phone != (current.phone ?? "") { correction.phone = .some(phone.isEmpty ? nil : phone) }
        guard correction != LearnerCorrection() else {
            return Pages.redirect("/can-bo/nguoi-hoc/\(id)?da=khong-doi")
        }
        do {
            _ = try await services.staff.correct(session.identity, learnerID: id, correction)
        } catch let error as ProgressError {
            return try await learnerPage(id, context, notice: nil, error: pages.message(error),
                                         status: ErrorStatus.status(for: error))
        }
        return Pages.redirect("/can-bo/nguoi-hoc/\(id)?da=sua")
    }

    func confirmPage(_ id: Int64, action: String, purpose: ConsentPurpose?, _ context: KioskRequestContext)
        async throws -> Response
    {
        let session = try await pages.requireStaff(context)
        // Seeing the learner again is itself checked (and logged): a clerk cannot reach another unit's person.
        let data = try await services.staff.personalData(session.identity, learnerID: id)
        let name = data.displayName ?? services.messages.text("can_bo.learner.anonymised")
        var page = pages.base(services.messages.text("can_bo.confirm.\(action)_title"), session,
                              current: "/can-bo/nguoi-hoc")
        page["learnerName"] = name
        page["learnerUrl"] = "/can-bo/nguoi-hoc/\(id)"
        page["question"] = services.messages.text("can_bo.confirm.\(action)_question", [name])
        page["explanation"] = services.messages.text("can_bo.confirm.\(action)_explanation")
        page["action"] = action == "delete" ? "/can-bo/nguoi-hoc/\(id)/xoa" : "/can-bo/nguoi-hoc/\(id)/rut-dong-y"
        page["button"] = services.messages.text("can_bo.confirm.\(action)_button")
        if let purpose {
            page["purpose"] = purpose.rawValue
            page["purposeLabel"] = services.messages.text("can_bo.consent.\(purpose.rawValue)")
        }
        return try pages.render("staff-confirm", page)
    }
}
