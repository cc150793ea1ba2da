import Foundation

/// Grades one response against one question's key. Pure: no I/O, no clock.
public enum Grader {
    /// The credit a response earns. `partialCreditDefault` applies to multiple choice that does not say.
    public static func credit(for response: Response?, to question: Question, partialCreditDefault: Bool) -> Credit {
        guard let response else { return .zero }
        switch (question.answerKey, response) {
        case (.singleChoice(let choices), .choices(let picked)), (.trueFalse(let choices), .choices(let picked)):
            guard picked.count == 1, let id = picked.first else { return .zero }
            return choices.contains { $0.id == id && $0.isCorrect } ? .full : .zero
        case (.multipleChoice(let choices, let partial), .choices(let picked)):
            return multipleChoiceCredit(choices: choices, picked: picked, partial: partial ?? partialCreditDefault)
        case (.shortText(let key), .text(let typed)):
            let given = TextNormalizer.comparisonKey(typed, ignoringDiacritics: key.ignoresDiacritics)
            guard !given.isEmpty else { return .zero }
            let matches = key.accepted.contains {
                TextNormalizer.comparisonKey($0, ignoringDiacritics: key.ignoresDiacritics) == given
            }
            return matches ? .full : .zero
        case (.number(let key), .number(let typed)), (.number(let key), .text(let typed)):
            guard let value = VietnameseNumber.parse(typed) else { return .zero }
            let distance = value > key.value ? value - key.value : key.value - value
            return distance <= key.tolerance ? .full : .zero
        default:
            // A response of the wrong shape earns nothing rather than failing the attempt.
            return .zero
        }
    }

    /// All-or-nothing: exactly the right set. Partial: (right picked − wrong picked) / right, never below zero.
    static func multipleChoiceCredit(choices: [Choice], picked: Set<String>, partial: Bool) -> Credit {
        let right = Set(choices.filter(\.isCorrect).map(\.id))
        guard !right.isEmpty else { return .zero }
        if !partial { return picked == right ? .full : .zero }
        let known = Set(choices.map(\.id))
        let hits = picked.intersection(right).count
        let misses = picked.intersection(known).subtracting(right).count
        return Credit(max(0, hits - misses), over: right.count)
    }

    /// Grades every question asked, in order.
    public static func grade(
        questions: [Question], responses: [String: Response], settings: QuizSettings
    ) -> QuizResult {
        let results = questions.map { question in
            let response = responses[question.id]
            return QuestionResult(
                questionID: question.id, contentHash: question.contentHash, response: response,
                credit: credit(for: response, to: question, partialCreditDefault: settings.partialCredit))
        }
        return QuizResult(questions: results, passMark: settings.passMark)
    }
}
