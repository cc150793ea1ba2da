import Foundation
import CourseContent
import LearningCore

/// One course as `hoctap courses` shows it (text and JSON).
struct CourseListing: Encodable {
    struct LessonListing: Encodable {
        var id: String
        var title: String
        var minutes: Int
        var required: Bool
        var checkQuestions: Int
    }

    var id: String
    var title: String
    var summary: String
    var audience: [String]
    var contents: [Int]
    var competences: [String]
    var level: String
    var minutes: Int
    var passMark: Int
    var version: Int
    var lessons: [LessonListing]
    var questions: Int
    var finalQuizQuestions: Int
    var finalQuizDraw: Int

    init(_ course: Course) {
        id = course.id
        title = course.title
        summary = course.summary
        audience = course.audience.map(\.rawValue)
        contents = course.contents.map(\.rawValue)
        competences = course.competences.map(\.description)
        level = course.level.rawValue
        minutes = course.estimatedMinutes
        passMark = course.passMark
        version = course.version
        lessons = course.lessons.map {
            LessonListing(id: $0.id, title: $0.title, minutes: $0.estimatedMinutes, required: $0.isRequired,
                          checkQuestions: $0.check?.questions.count ?? 0)
        }
        questions = course.questionCount
        finalQuizQuestions = course.finalQuiz?.questions.count ?? 0
        finalQuizDraw = course.finalQuiz?.questionsPerAttempt ?? 0
    }

    func text(_ messages: MessageCatalog) -> String {
        var lines = [
            "\(title)  [\(id)]",
            "  " + messages.text("cli.course_line", [
                String(lessons.count), String(questions), String(minutes),
                contents.map(String.init).joined(separator: ", "),
                audience.map { messages.text("categories.\($0)") }.joined(separator: ", "),
            ]),
        ]
        for (index, lesson) in lessons.enumerated() {
            lines.append("  \(index + 1). \(lesson.title) (\(messages.text("cli.minutes", [String(lesson.minutes)])))")
        }
        if finalQuizQuestions > 0 {
            lines.append("  " + messages.text("cli.final_quiz", [String(finalQuizDraw), String(finalQuizQuestions)]))
        }
        return lines.joined(separator: "\n")
    }
}
