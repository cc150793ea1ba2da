import CourseContent
import Foundation
import Hummingbird
import LearningCore

/// "Bài kiểm tra": closing a quiz (its answers are shown to learners from then on, for quizzes that show them
/// only after staff close them) or reopening it; and "Nhật ký", the audit log. Commune staff and admins only,
/// as the use cases decide.
struct StaffQuizRoutes: Sendable {
    let pages: StaffPages
    var services: KioskServices { pages.services }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/can-bo/bai-kiem-tra") { _, context in
            let session = try await pages.requireStaff(context)
            let quizzes = try await services.learning.quizClosures(for: session.identity)
            var page = pages.base(services.messages.text("can_bo.menu.quizzes"), session,
                                  current: "/can-bo/bai-kiem-tra")
            page["quizzes"] = quizzes.map { quiz -> [String: Any] in
                [
                    "id": quiz.quizID, "title": quiz.quizTitle, "course": quiz.courseTitle, "closed": quiz.closed,
                    "feedback": services.messages.text("can_bo.feedback.\(quiz.feedback.rawValue)"),
                    "showsWhenClosed": quiz.feedback == .whenClosed,
                ]
            }
            return try pages.render("staff-quizzes", page)
        }
        router.post("/can-bo/bai-kiem-tra") { request, context in
            let (form, session) = try await pages.postedForm(request, context)
            let quizID = try form.require("quizId")
            guard services.learning.catalog.courses.contains(where: { course in
                course.finalQuiz?.id == quizID || course.lessons.contains { $0.check?.id == quizID }
            }) else { throw LearningError(.unknownQuiz, quizID) }
            try await services.staff.setQuizClosed(session.identity, quizID: quizID, closed: form["closed"] == "1")
            return Pages.redirect("/can-bo/bai-kiem-tra")
        }
        router.get("/can-bo/nhat-ky") { _, context in
            let session = try await pages.requireStaff(context)
            let entries = try await services.staff.auditLog(session.identity, limit: 500)
            var page = pages.base(services.messages.text("can_bo.menu.audit"), session, current: "/can-bo/nhat-ky")
            page["entries"] = entries.map { entry -> [String: Any] in
                [
                    "at": Pages.dateTime(entry.at), "staff": entry.staffName,
                    "action": services.messages.text("can_bo.audit.\(entry.action.rawValue)"),
                    "learnerUrl": entry.learnerID.map { "/can-bo/nguoi-hoc/\($0)" } as Any,
                    "learnerId": entry.learnerID.map(String.init) ?? "", "detail": entry.detail,
                ]
            }
            page["hasEntries"] = !entries.isEmpty
            return try pages.render("staff-audit", page)
        }
    }
}
