import Foundation
import LearningCore

/// Reads a typed answer for a question: a choice number (`2`), several for multiple choice (`1,3` or `1 3`), a
/// choice's own text (diacritics optional), a short text, or a number. What cannot be an answer is a message key
/// and its values, and the question is asked again.
enum AnswerParser {
    /// Why a typed line is not an answer.
    struct Problem: Error, Equatable {
        var key: String
        var arguments: [String]
    }

    static func parse(_ typed: String, for question: LearnerQuestionView) -> Result<Response, Problem> {
        let text = TextNormalizer.trimmed(typed)
        let count = question.choices.count
        switch question.kind {
        case .singleChoice, .trueFalse:
            if let number = Int(text), (1...count).contains(number) {
                return .success(.choices([question.choices[number - 1].id]))
            }
            if let choice = choice(named: text, in: question) { return .success(.choices([choice.id])) }
            return .failure(Problem(key: "terminal.quiz.invalid_single", arguments: [String(count)]))
        case .multipleChoice:
            let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
            let numbers = parts.compactMap { Int($0) }
            if !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy({ (1...count).contains($0) }) {
                return .success(.choices(Set(numbers.map { question.choices[$0 - 1].id })))
            }
            if let choice = choice(named: text, in: question) { return .success(.choices([choice.id])) }
            return .failure(Problem(key: "terminal.quiz.invalid_multiple", arguments: [String(count)]))
        case .shortText:
            guard !text.isEmpty else { return .failure(Problem(key: "terminal.quiz.empty", arguments: [])) }
            return .success(.text(text))
        case .number:
            guard !text.isEmpty else { return .failure(Problem(key: "terminal.quiz.empty", arguments: [])) }
            guard VietnameseNumber.parse(text) != nil else {
                return .failure(Problem(key: "terminal.quiz.invalid_number", arguments: [text]))
            }
            return .success(.number(text))
        }
    }

    /// The choice whose text is what was typed (case and diacritics ignored).
    private static func choice(named text: String, in question: LearnerQuestionView) -> LearnerChoiceView? {
        let key = TextNormalizer.comparisonKey(text, ignoringDiacritics: true)
        guard !key.isEmpty else { return nil }
        let matches = question.choices.filter {
            TextNormalizer.comparisonKey($0.text, ignoringDiacritics: true) == key
        }
        return matches.count == 1 ? matches[0] : nil
    }
}
