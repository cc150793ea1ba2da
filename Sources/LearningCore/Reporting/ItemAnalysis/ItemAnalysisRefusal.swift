/// Why an item analysis cannot be made: worded for a person by the strings file (`report.items.*`).
public struct ItemAnalysisRefusal: Error, Sendable, Hashable, UserFacingError {
    public enum Reason: String, Sendable, Hashable {
        /// No loaded course has that id.
        case unknownCourse = "unknown_course"
        /// The course has neither a final quiz nor a lesson check.
        case noQuiz = "no_quiz"
    }

    /// Why.
    public var reason: Reason
    /// The course id asked for.
    public var courseID: String

    /// A refusal for `courseID`.
    public init(_ reason: Reason, courseID: String) {
        self.reason = reason
        self.courseID = courseID
    }

    /// `report.items.unknown_course` or `report.items.no_quiz`.
    public var messageKey: String { "report.items.\(reason.rawValue)" }
    /// The course id.
    public var messageArguments: [String] { [courseID] }
}
