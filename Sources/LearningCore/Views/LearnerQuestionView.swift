import Foundation

/// A question as a learner may see it: the prompt, the choices in this attempt's order, the answer given, and
/// feedback only when the quiz's rule allows. It carries no answer key.
public struct LearnerQuestionView: Sendable, Hashable {
    public var id: String
    public var kind: QuestionKind
    /// 1-based position in the attempt.
    public var number: Int
    public var promptHTML: String
    public var promptText: String
    public var choices: [LearnerChoiceView]
    /// The answer given so far.
    public var response: Response?
    /// Set only when the feedback rule allows.
    public var feedback: QuestionFeedback?

    public init(id: String, kind: QuestionKind, number: Int, promptHTML: String, promptText: String,
                choices: [LearnerChoiceView], response: Response?, feedback: QuestionFeedback?) {
        self.id = id
        self.kind = kind
        self.number = number
        self.promptHTML = promptHTML
        self.promptText = promptText
        self.choices = choices
        self.response = response
        self.feedback = feedback
    }

    /// The learner's view of `question` in an attempt with `choiceOrder`; `feedback` when allowed.
    static func make(_ question: Question, number: Int, choiceOrder: [String]?, response: Response?,
                     credit: Credit?, showFeedback: Bool, partialCreditDefault: Bool) -> LearnerQuestionView {
        let choices = question.answerKey.choices
        let ordered = (choiceOrder ?? choices.map(\.id)).compactMap { id in choices.first { $0.id == id } }
        var feedback: QuestionFeedback?
        if showFeedback {
            let earned = credit ?? response.map {
                Grader.credit(for: $0, to: question, partialCreditDefault: partialCreditDefault)
            } ?? .zero
            let picked: Set<String> = if case .choices(let ids) = response { ids } else { [] }
            feedback = QuestionFeedback(
                credit: earned, isCorrect: earned == .full,
                rightChoiceIDs: ordered.filter(\.isCorrect).map(\.id),
                rightAnswerText: Self.rightAnswerText(question.answerKey),
                explanationHTML: question.explanationHTML, explanationText: question.explanationText,
                pickedChoiceFeedbackHTML: ordered.filter { picked.contains($0.id) }.compactMap(\.feedbackHTML))
        }
        return LearnerQuestionView(
            id: question.id, kind: question.kind, number: number, promptHTML: question.promptHTML,
            promptText: question.promptText,
            choices: ordered.map { LearnerChoiceView(id: $0.id, textHTML: $0.textHTML, text: $0.text) },
            response: response, feedback: feedback)
    }

    private static func rightAnswerText(_ key: AnswerKey) -> String? {
        switch key {
        case .shortText(let text): text.accepted.first
        case .number(let number): VietnameseNumber.format(number.value)
        case .singleChoice, .multipleChoice, .trueFalse: nil
        }
    }
}
