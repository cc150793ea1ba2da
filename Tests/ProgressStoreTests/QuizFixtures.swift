import Foundation
import LearningCore
import TestSupport

/// A small course with two lessons and a final quiz, built in code.
enum QuizFixtures {
    static let quiz = Quiz(
        id: "khoa-thu/quiz", title: "Bài kiểm tra cuối khoá",
        settings: QuizSettings(passMark: 80, shuffleQuestions: true, shuffleChoices: true),
        questions: [
            QuestionBuilder.single("khoa-thu/q1", choices: ["A", "B", "C"], right: 1),
            QuestionBuilder.text("khoa-thu/q2", accepted: ["VNeID"]),
            QuestionBuilder.trueFalse("khoa-thu/q3", isTrue: false),
            QuestionBuilder.number("khoa-thu/q4", value: 6),
            QuestionBuilder.multiple("khoa-thu/q5", choices: ["A", "B", "C"], right: [0, 2]),
        ])

    static let course = Course(
        id: "khoa-thu", title: "Khoá thử", summary: "", audience: [.citizens], contents: [ContentArea(rawValue: 2)!],
        competences: [], level: .basic, estimatedMinutes: 20, passMark: 80, version: 2, language: "vi",
        introductionHTML: "", introductionMarkdown: "",
        lessons: [
            Lesson(id: "01-a", number: 1, title: "Bài một", estimatedMinutes: 5, isRequired: true, bodyHTML: "",
                   bodyMarkdown: "", check: nil),
            Lesson(id: "02-b", number: 2, title: "Bài hai", estimatedMinutes: 5, isRequired: false, bodyHTML: "",
                   bodyMarkdown: "", check: nil),
        ],
        finalQuiz: quiz)

    /// The right response to each question of `quiz`.
    static let rightAnswers: [String: Response] = [
        "khoa-thu/q1": .choices(["b"]), "khoa-thu/q2": .text("vneid"), "khoa-thu/q3": .choices(["b"]),
        "khoa-thu/q4": .number("6"), "khoa-thu/q5": .choices(["a", "c"]),
    ]
}
