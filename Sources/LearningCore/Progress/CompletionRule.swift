import Foundation

/// When a course counts as completed: every required lesson read, and the final quiz passed if it has one.
/// The stores apply it inside the transaction of the event that may complete the course.
public struct CompletionRequirement: Sendable, Hashable {
    public var courseID: String
    public var courseVersion: Int
    public var requiredLessonIDs: Set<String>
    public var hasFinalQuiz: Bool

    public init(courseID: String, courseVersion: Int, requiredLessonIDs: Set<String>, hasFinalQuiz: Bool) {
        self.courseID = courseID
        self.courseVersion = courseVersion
        self.requiredLessonIDs = requiredLessonIDs
        self.hasFinalQuiz = hasFinalQuiz
    }

    /// The requirement of a course as loaded.
    public init(_ course: Course) {
        self.init(courseID: course.id, courseVersion: course.version,
                  requiredLessonIDs: Set(course.lessons.filter(\.isRequired).map(\.id)),
                  hasFinalQuiz: course.finalQuiz != nil)
    }

    /// Whether a learner's standing meets it.
    public func isMet(lessonsCompleted: Set<String>, passedFinalQuiz: Bool) -> Bool {
        requiredLessonIDs.isSubset(of: lessonsCompleted) && (!hasFinalQuiz || passedFinalQuiz)
    }

    /// Whether a learner's standing meets it.
    public func isMet(by progress: CourseProgress) -> Bool {
        isMet(lessonsCompleted: progress.lessonsCompleted, passedFinalQuiz: progress.passedFinalQuiz)
    }
}

/// When a course counts as completed, for callers that hold the course.
public enum CompletionRule {
    public static func isComplete(_ course: Course, lessonsCompleted: Set<String>, passedFinalQuiz: Bool) -> Bool {
        CompletionRequirement(course).isMet(lessonsCompleted: lessonsCompleted, passedFinalQuiz: passedFinalQuiz)
    }
}
