public import Foundation
public import LearningCore

/// Builds questions and quizzes for tests without going through Markdown.
public enum QuestionBuilder {
    /// A single-choice question; `right` is the index of the right choice.
    public static func single(_ id: String, choices: [String], right: Int) -> Question {
        let list = choices.enumerated().map { index, text in
            Choice(id: letter(index), textHTML: text, text: text, isCorrect: index == right)
        }
        return question(id, .singleChoice(list))
    }

    /// A multiple-choice question; `right` are the indexes of the right choices.
    public static func multiple(_ id: String, choices: [String], right: Set<Int>, partial: Bool? = nil) -> Question {
        let list = choices.enumerated().map { index, text in
            Choice(id: letter(index), textHTML: text, text: text, isCorrect: right.contains(index))
        }
        return question(id, .multipleChoice(list, partialCredit: partial))
    }

    /// A true/false question whose right answer is `isTrue`.
    public static func trueFalse(_ id: String, isTrue: Bool) -> Question {
        question(id, .trueFalse([
            Choice(id: "a", textHTML: "Đúng", text: "Đúng", isCorrect: isTrue),
            Choice(id: "b", textHTML: "Sai", text: "Sai", isCorrect: !isTrue),
        ]))
    }

    public static func text(_ id: String, accepted: [String], ignoresDiacritics: Bool = false) -> Question {
        question(id, .shortText(TextAnswerKey(accepted: accepted, ignoresDiacritics: ignoresDiacritics)))
    }

    public static func number(_ id: String, value: Decimal, tolerance: Decimal = 0) -> Question {
        question(id, .number(NumberAnswerKey(value: value, tolerance: tolerance)))
    }

    /// A quiz over `questions` with the given settings.
    public static func quiz(_ questions: [Question], settings: QuizSettings = QuizSettings(passMark: 80)) -> Quiz {
        Quiz(id: "test/quiz", title: "Bài kiểm tra thử", settings: settings, questions: questions)
    }

    /// Choice id by position: a, b, c …
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(97 + index)))
    }

    private static func question(_ id: String, _ key: AnswerKey) -> Question {
        Question(id: id, contentHash: "hash-\(id)", promptHTML: "<p>\(id)</p>", promptText: id, answerKey: key)
    }
}
