import CourseContent
import Foundation
import LearningCore

/// Builds what the templates see: plain dictionaries of strings, numbers, flags and lists, so the templates stay
/// logic-less and never reach into domain types. Lesson and introduction HTML come from the course loader's safe
/// renderer and, with the certificate's QR code (SVG drawn by `QRCodeSVG`, its one text escaped), are the only
/// values the templates print unescaped (`{{{…}}}`).
enum PageContext {
    /// What every page has: its title (nil on the start page, which is titled by the product's name alone).
    static func base(title: String?) -> [String: Any] {
        var page: [String: Any] = ["productName": "Học tập số"]
        if let title { page["pageTitle"] = title }
        return page
    }

    /// A course in a list.
    static func course(_ standing: CourseStanding) -> [String: Any] {
        [
            "id": standing.courseID, "title": standing.title, "summary": standing.summary,
            "estimatedMinutes": standing.estimatedMinutes, "lessonCount": standing.lessonCount,
            "url": coursePath(standing.courseID),
        ]
    }

    /// Where a learner stands in a course, in words (`web.standing.*`) and as a share for a progress bar.
    static func standing(_ standing: CourseStanding, _ messages: MessageCatalog) -> [String: Any] {
        switch standing.state {
        case .notStarted:
            return ["text": messages.text("web.standing.not_started"), "percent": 0]
        case .inProgress(let done, let total):
            return ["text": messages.text("web.standing.in_progress", [String(done), String(total)]),
                    "percent": total > 0 ? done * 100 / total : 0, "started": true]
        case .finalQuizPassed(let percent):
            return ["text": messages.text("web.standing.quiz_passed", [String(percent)]), "percent": 90, "started": true]
        case .completed(let completion):
            return ["text": messages.text("web.standing.completed", [Pages.date(completion.completedAt)]),
                    "percent": 100, "started": true, "isCompleted": true, "code": completion.verificationCode,
                    "certificateUrl": CertificatePageRoutes.certificatePath(completion.verificationCode)]
        }
    }

    /// A course with its lessons.
    static func course(_ course: Course) -> [String: Any] {
        var page: [String: Any] = [
            "courseId": course.id, "courseTitle": course.title, "summary": course.summary,
            "introductionHTML": course.introductionHTML, "hasIntroduction": !course.introductionHTML.isEmpty,
            "estimatedMinutes": course.estimatedMinutes, "lessonCount": course.lessons.count,
            "courseUrl": coursePath(course.id),
            "lessons": course.lessons.map { lesson -> [String: Any] in
                [
                    "id": lesson.id, "number": lesson.number, "title": lesson.title,
                    "estimatedMinutes": lesson.estimatedMinutes, "isRequired": lesson.isRequired,
                    "hasCheck": lesson.check != nil, "url": lessonPath(course.id, lesson.id),
                ]
            },
        ]
        if let first = course.lessons.first { page["firstLessonUrl"] = lessonPath(course.id, first.id) }
        if let quiz = course.finalQuiz {
            page["finalQuiz"] = [
                "title": quiz.title, "questionCount": quiz.questionsPerAttempt, "passMark": quiz.settings.passMark,
            ] as [String: Any]
        }
        return page
    }

    /// A lesson opened in its course.
    static func lesson(_ view: LessonView) -> [String: Any] {
        let course = view.course
        var page: [String: Any] = [
            "courseId": course.id, "courseTitle": course.title, "courseUrl": coursePath(course.id),
            "lessonId": view.lesson.id, "lessonTitle": view.lesson.title, "lessonNumber": view.lesson.number,
            "lessonCount": course.lessons.count, "estimatedMinutes": view.lesson.estimatedMinutes,
            "bodyHTML": view.lesson.bodyHTML, "isPractice": !view.isRecorded, "hasCheck": view.check != nil,
        ]
        if let previous = view.previousLessonID, let lesson = course.lessons.first(where: { $0.id == previous }) {
            page["previous"] = ["url": lessonPath(course.id, previous), "title": lesson.title]
        }
        if let next = view.nextLessonID, let lesson = course.lessons.first(where: { $0.id == next }) {
            page["next"] = ["url": lessonPath(course.id, next), "title": lesson.title]
        }
        return page
    }

    /// `/khoa-hoc/{courseId}`.
    static func coursePath(_ courseID: String) -> String { "/khoa-hoc/\(pathSegment(courseID))" }

    /// `/khoa-hoc/{courseId}/bai/{lessonId}`.
    static func lessonPath(_ courseID: String, _ lessonID: String) -> String {
        "\(coursePath(courseID))/bai/\(pathSegment(lessonID))"
    }

    /// A value as one query parameter's value.
    static func query(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// An id as one URL path segment.
    static func pathSegment(_ id: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
    }
}
