import Foundation
/// One question of a quiz pool.
public struct Question: Sendable, Hashable, Identifiable {
    /// Stable id: author-given (`{#id}`) or derived from course, file and position.
    public var id: String
    /// Hash of what the question asks and accepts; changes when the text changes.
    public var contentHash: String
    /// The question text rendered to safe HTML.
    public var promptHTML: String
    /// The question text as plain text (terminal, reports).
    public var promptText: String
    public var answerKey: AnswerKey
    /// Shown after answering (when the quiz's feedback timing allows), rendered to safe HTML.
    public var explanationHTML: String?
    /// The explanation as plain text.
    public var explanationText: String?

    public init(
        id: String, contentHash: String, promptHTML: String, promptText: String, answerKey: AnswerKey,
        explanationHTML: String? = nil, explanationText: String? = nil
    ) {
        self.id = id
        self.contentHash = contentHash
        self.promptHTML = promptHTML
        self.promptText = promptText
        self.answerKey = answerKey
        self.explanationHTML = explanationHTML
        self.explanationText = explanationText
    }

    /// The kind of question, without its key.
    public var kind: QuestionKind { answerKey.kind }
}

