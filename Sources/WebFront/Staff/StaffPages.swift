import CourseContent
import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// What every staff page route shares: the templates, the staff sessions, the use cases, and the steps around
/// rendering a page for a signed-in staff member (their name and role, the menu their role may use, the CSRF
/// token of the page's forms). Whether a staff member may see or do something is decided by the use cases;
/// the menu only leaves out what would be refused.
struct StaffPages: Sendable {
    let templates: Templates
    let sessions: StaffSessionStore
    let services: KioskServices
    let configuration: WebConfiguration
    /// The kiosk's pages: the sign-in form borrows the anonymous kiosk session for its CSRF token.
    let kiosk: Pages

    /// The base context of a staff page: its title, who is signed in, the menu, the CSRF token.
    func base(_ title: String, _ session: StaffSession, current: String) -> [String: Any] {
        var page = PageContext.base(title: title)
        let role = session.identity.role
        page["staffName"] = session.identity.name
        page["roleName"] = services.messages.text("can_bo.role.\(role.rawValue)")
        page["csrf"] = session.csrfToken
        page["idleMinutes"] = Int(sessions.idleTimeout / 60)
        let items: [(path: String, key: String, shown: Bool)] = [
            ("/can-bo/tong-quan", "dashboard", true),
            ("/can-bo/nguoi-hoc", "learners", true),
            ("/can-bo/nhap-danh-sach", "import", true),
            ("/can-bo/bao-cao", "reports", true),
            ("/can-bo/bai-kiem-tra", "quizzes", role != .unitClerk),
            ("/can-bo/nhat-ky", "audit", role != .unitClerk),
            ("/can-bo/tai-khoan", "accounts", role == .admin),
        ]
        page["menu"] = items.filter(\.shown).map { item -> [String: Any] in
            ["url": item.path, "label": services.messages.text("can_bo.menu.\(item.key)"),
             "current": item.path == current]
        }
        return page
    }

    /// Renders `name` (a page extending `staff-layout`).
    func render(_ name: String, _ page: [String: Any], status: HTTPResponse.Status = .ok,
                headers: HTTPFields = [:]) throws -> Response {
        try templates.page(name, page, status: status, headers: headers)
    }

    /// The signed-in staff member as their account stands now, or a refusal that sends the browser to the staff
    /// sign-in page: also when the account was disabled since signing in (its session then ends at once).
    func requireStaff(_ context: KioskRequestContext) async throws -> StaffSession {
        guard let handle = context.staffSession else { throw WebInputError(.staffSignInRequired) }
        var session = handle.session
        do {
            session.identity = try await services.staff.currentIdentity(session.identity)
        } catch let error as LearningError where error.kind == .staffSignInFailed {
            await sessions.end(token: handle.token)
            throw WebInputError(.staffSignInRequired)
        }
        return session
    }

    /// Reads a posted form of a staff page and checks its CSRF token against the staff session's.
    func postedForm(_ request: Request, _ context: KioskRequestContext) async throws -> (FormFields, StaffSession) {
        let session = try await requireStaff(context)
        let form = try await FormFields.read(request, context: context)
        guard SessionToken.matches(form["csrf"] ?? "", session.csrfToken) else { throw WebInputError(.csrf) }
        return (form, session)
    }

    /// The Vietnamese message of a use-case refusal.
    func message(_ error: any UserFacingError) -> String { services.messages.text(error) }

    /// The name of a unit, or its id when the campaign does not know it.
    func unitName(_ id: String) -> String {
        services.campaign.units.first { $0.id == id }?.name ?? id
    }

    /// The units a staff member may pick: a clerk's own, or every unit of the campaign.
    func units(for staff: StaffIdentity, selected: String?) -> [[String: Any]] {
        services.campaign.units.filter { staff.covers(unitID: $0.id) }.map {
            ["id": $0.id, "name": $0.name, "selected": $0.id == selected]
        }
    }

    /// The category's name in Vietnamese.
    func categoryName(_ raw: String) -> String {
        services.messages.contains("categories.\(raw)") ? services.messages.text("categories.\(raw)") : raw
    }
}
