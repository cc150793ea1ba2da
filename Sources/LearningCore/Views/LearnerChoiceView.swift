import Foundation

/// A choice as a learner sees it: its text, never whether it is right.
public struct LearnerChoiceView: Sendable, Hashable, Codable {
    public var id: String
    public var textHTML: String
    public var text: String

    public init(id: String, textHTML: String, text: String) {
        self.id = id
        self.textHTML = textHTML
        self.text = text
    }
}
