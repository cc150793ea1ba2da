import Foundation

/// The kinds of question the course format supports.
public enum QuestionKind: String, Sendable, Hashable, CaseIterable, Codable {
    case singleChoice = "single"
    case multipleChoice = "multiple"
    case trueFalse = "true-false"
    case shortText = "text"
    case number
}
