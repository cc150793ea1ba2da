import Foundation

/// A lesson opened in its course: the lesson, its neighbours in reading order and whether it was read before.
public struct LessonView: Sendable, Hashable {
    public var course: Course
    public var lesson: Lesson
    public var previousLessonID: String?
    public var nextLessonID: String?
    /// The lesson's own check (kiểm tra), if it has one.
    public var check: Quiz? { lesson.check }
    /// Whether the learner had finished this lesson before (always false when practising).
    public var wasCompleted: Bool
    /// False when nothing is being recorded (practice without signing in, or without learning consent).
    public var isRecorded: Bool

    public init(course: Course, lesson: Lesson, previousLessonID: String?, nextLessonID: String?,
                wasCompleted: Bool, isRecorded: Bool) {
        self.course = course
        self.lesson = lesson
        self.previousLessonID = previousLessonID
        self.nextLessonID = nextLessonID
        self.wasCompleted = wasCompleted
        self.isRecorded = isRecorded
    }
}
