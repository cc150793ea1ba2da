import Foundation
import Hummingbird
import LearningCore

/// The pages of courses and lessons, for a visitor practising (nothing stored, and the page says so) and for a
/// signed-in learner (visits recorded by `openLesson`, "Đã đọc xong" by `finishLesson`, where they stand shown);
/// the learner's own pages ("Khoá học của tôi", "Kết quả của tôi").
struct CoursePageRoutes: Sendable {
    let pages: Pages
    var learning: LearningService { pages.services.learning }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/") { _, context in try await startPage(context) }
        router.get("/hoc-thu") { _, context in try await practiceCourses(context) }
        router.get("/khoa-hoc/{courseId}") { _, context in
            try await coursePage(context, courseID: try context.parameters.require("courseId"))
        }
        router.get("/khoa-hoc/{courseId}/bai/{lessonId}") { _, context in
            try await lessonPage(context, courseID: try context.parameters.require("courseId"),
                                 lessonID: try context.parameters.require("lessonId"))
        }
        router.post("/khoa-hoc/{courseId}/bai/{lessonId}/da-doc") { request, context in
            try await finishLesson(request, context, courseID: try context.parameters.require("courseId"),
                                   lessonID: try context.parameters.require("lessonId"))
        }
        router.get("/cua-toi") { _, context in try await myCourses(context) }
        router.get("/ket-qua-cua-toi") { _, context in try await myResults(context) }
    }

    func startPage(_ context: KioskRequestContext) async throws -> Response {
        let courses = try await learning.courses(for: nil)
        var page = pages.base(nil, context)
        page["courses"] = courses.map(PageContext.course)
        page["hasCourses"] = !courses.isEmpty
        return try pages.render("start", page, context)
    }

    func practiceCourses(_ context: KioskRequestContext) async throws -> Response {
        let courses = try await learning.courses(for: nil)
        var page = pages.base("Học thử", context)
        page["courses"] = courses.map(PageContext.course)
        page["hasCourses"] = !courses.isEmpty
        return try pages.render("practice-courses", page, context)
    }

    func coursePage(_ context: KioskRequestContext, courseID: String) async throws -> Response {
        try await pages.renderPublic("course \(courseID)", "course", context) {
            try await courseContext(context, courseID: courseID)
        }
    }

    func courseContext(_ context: KioskRequestContext, courseID: String) async throws -> [String: Any] {
        let course = try learning.course(id: courseID)
        var page = pages.base(course.title, context)
        page.merge(PageContext.course(course)) { _, new in new }
        if let identity = context.session?.session.identity,
           let standing = try await learning.courses(for: identity).first(where: { $0.courseID == course.id }) {
            page["standing"] = PageContext.standing(standing, pages.services.messages)
            // Each lesson the learner has read to the end is marked, so they see where to go on.
            let read = try await learning.progress(identity, courseID: course.id).lessonsCompleted
            if var lessons = page["lessons"] as? [[String: Any]] {
                for index in lessons.indices {
                    lessons[index]["isRead"] = read.contains(course.lessons[index].id)
                }
                page["lessons"] = lessons
            }
        } else {
            page["isPractice"] = true
        }
        if let quiz = course.finalQuiz { page["finalQuizUrl"] = QuizPageRoutes.quizPath(quiz, courseID: course.id) }
        return page
    }

    func lessonPage(_ context: KioskRequestContext, courseID: String, lessonID: String) async throws -> Response {
        try await pages.renderPublic("lesson \(courseID) \(lessonID)", "lesson", context) {
            try await lessonContext(context, courseID: courseID, lessonID: lessonID)
        }
    }

    func lessonContext(_ context: KioskRequestContext, courseID: String, lessonID: String) async throws
        -> [String: Any]
    {
        let identity = context.session?.session.identity
        let view = try await learning.openLesson(identity, courseID: courseID, lessonID: lessonID)
        var page = pages.base("\(view.lesson.title) – \(view.course.title)", context)
        page.merge(PageContext.lesson(view)) { _, new in new }
        page["canFinish"] = identity != nil && view.isRecorded
        page["wasCompleted"] = view.wasCompleted
        page["finishUrl"] = PageContext.lessonPath(courseID, lessonID) + "/da-doc"
        if let check = view.check {
            page["check"] = ["title": check.title, "url": QuizPageRoutes.quizPath(check, courseID: view.course.id),
                             "questionCount": check.questionsPerAttempt] as [String: Any]
        }
        return page
    }

    func finishLesson(_ request: Request, _ context: KioskRequestContext, courseID: String, lessonID: String)
        async throws -> Response
    {
        _ = try await pages.postedForm(request, context)
        let identity = try pages.requireIdentity(context)
        let view = try await learning.openLesson(identity, courseID: courseID, lessonID: lessonID)
        try await learning.finishLesson(identity, courseID: courseID, lessonID: lessonID)
        if let next = view.nextLessonID { return Pages.redirect(PageContext.lessonPath(courseID, next)) }
        return Pages.redirect(PageContext.coursePath(courseID))
    }

    func myCourses(_ context: KioskRequestContext) async throws -> Response {
        let identity = try pages.requireIdentity(context)
        let courses = try await learning.courses(for: identity)
        var page = pages.base("Khoá học của tôi", context)
        page["courses"] = courses.map { standing -> [String: Any] in
            var item = PageContext.course(standing)
            item["standing"] = PageContext.standing(standing, pages.services.messages)
            return item
        }
        page["hasCourses"] = !courses.isEmpty
        return try pages.render("my-courses", page, context)
    }

    func myResults(_ context: KioskRequestContext) async throws -> Response {
        let identity = try pages.requireIdentity(context)
        let completions = try await learning.certificates(identity)
        var page = pages.base("Kết quả của tôi", context)
        page["completions"] = completions.map { completion -> [String: Any] in
            var item: [String: Any] = [
                "courseTitle": learning.catalog.course(id: completion.courseID)?.title ?? completion.courseID,
                "date": Pages.date(completion.completedAt), "code": completion.verificationCode,
                "certificateUrl": CertificatePageRoutes.certificatePath(completion.verificationCode),
            ]
            if let percent = completion.percent { item["percent"] = percent }
            return item
        }
        page["hasCompletions"] = !completions.isEmpty
        return try pages.render("my-results", page, context)
    }
}
