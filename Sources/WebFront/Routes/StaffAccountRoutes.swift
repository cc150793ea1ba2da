import CourseContent
import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// "Tài khoản cán bộ" (administrators): the staff accounts, a form to create one (a unit clerk with their
/// unit), and per account "Khoá" / "Mở khoá" and a new password. Every rule (who may, password length, units)
/// is `StaffService`'s and every change is in the audit log; a refusal is shown on the page with its message.
struct StaffAccountRoutes: Sendable {
    let pages: StaffPages
    var services: KioskServices { pages.services }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/can-bo/tai-khoan") { request, context in
            let done = request.uri.queryParameters["da"].map { "can_bo.accounts.done_\($0)" }
            let notice = done.flatMap { services.messages.contains($0) ? services.messages.text($0) : nil }
            return try await accountsPage(context, notice: notice)
        }
        router.post("/can-bo/tai-khoan") { request, context in
            let (form, session) = try await pages.postedForm(request, context)
            let password = form["password"] ?? ""
            guard password == form["passwordAgain"] else {
                return try await accountsPage(context, error: services.messages.text("can_bo.accounts.mismatch"),
                                              status: .unprocessableContent, form: form)
            }
            guard let role = StaffRole(rawValue: form["role"] ?? "") else { throw WebInputError(.malformed, "role") }
            let unit = form["unitId"].flatMap { $0.isEmpty ? nil : $0 }
            return try await refusalShown(context, form: form) {
                _ = try await services.staff.createAccount(session.identity, username: form["username"] ?? "",
                                                           displayName: form["displayName"] ?? "",
                                                           password: password, role: role, unitID: unit)
                return Pages.redirect("/can-bo/tai-khoan?da=tao")
            }
        }
        router.post("/can-bo/tai-khoan/khoa") { request, context in
            let (form, session) = try await pages.postedForm(request, context)
            let username = try form.require("username")
            return try await refusalShown(context, form: nil) {
                try await services.staff.setAccountDisabled(session.identity, username: username,
                                                            disabled: form["disabled"] == "1")
                return Pages.redirect("/can-bo/tai-khoan?da=\(form["disabled"] == "1" ? "khoa" : "mo-khoa")")
            }
        }
        router.post("/can-bo/tai-khoan/mat-khau") { request, context in
            let (form, session) = try await pages.postedForm(request, context)
            let username = try form.require("username")
            let password = form["password"] ?? ""
            guard password == form["passwordAgain"] else {
                return try await accountsPage(context, error: services.messages.text("can_bo.accounts.mismatch"),
                                              status: .unprocessableContent)
            }
            return try await refusalShown(context, form: nil) {
                try await services.staff.resetPassword(session.identity, username: username, password: password)
                return Pages.redirect("/can-bo/tai-khoan?da=mat-khau")
            }
        }
    }

    /// Runs `change`; a rule's refusal (a weak password, a taken username …) comes back on the page, worded.
    func refusalShown(_ context: KioskRequestContext, form: FormFields?,
                      _ change: () async throws -> Response) async throws -> Response {
        do {
            return try await change()
        } catch let error as LearningError where error.kind != .forbidden {
            return try await accountsPage(context, error: pages.message(error), status: ErrorStatus.status(for: error),
                                          form: form)
        } catch let error as ProgressError {
            return try await accountsPage(context, error: pages.message(error), status: ErrorStatus.status(for: error),
                                          form: form)
        }
    }

    func accountsPage(_ context: KioskRequestContext, notice: String? = nil, error: String? = nil,
                      status: HTTPResponse.Status = .ok, form: FormFields? = nil) async throws -> Response {
        let session = try await pages.requireStaff(context)
        let accounts = try await services.staff.accounts(session.identity)
        var page = pages.base(services.messages.text("can_bo.menu.accounts"), session, current: "/can-bo/tai-khoan")
        page["accounts"] = accounts.map { account -> [String: Any] in
            [
                "username": account.username, "displayName": account.displayName,
                "role": services.messages.text("can_bo.role.\(account.role.rawValue)"),
                "unit": account.unitID.map(pages.unitName) ?? "—", "disabled": account.isDisabled,
                "disabledAt": account.disabledAt.map(Pages.date) ?? "", "isSelf": account.id == session.identity.accountID,
            ]
        }
        page["roles"] = StaffRole.allCases.map { role -> [String: Any] in
            ["id": role.rawValue, "name": services.messages.text("can_bo.role.\(role.rawValue)"),
             "selected": role.rawValue == (form?["role"] ?? StaffRole.unitClerk.rawValue)]
        }
        page["units"] = pages.units(for: session.identity, selected: form?["unitId"])
        page["username"] = form?["username"] ?? ""
        page["displayName"] = form?["displayName"] ?? ""
        page["minimumPassword"] = StaffService.minimumPasswordLength
        if let notice { page["notice"] = notice }
        if let error { page["error"] = error }
        return try pages.render("staff-accounts", page, status: status)
    }
}
