import Foundation

/// What storing an attempt answered: the stored record, whether it had been stored before, and the course
/// completion it earned.
public struct RecordedAttempt: Sendable, Hashable {
    public var record: AttemptRecord
    /// True when this attempt (or submission id) was already stored: `record` is then the first result.
    public var wasDuplicate: Bool
    /// The completion this attempt earned (also on a repeated submission), if any.
    public var completion: CourseCompletion?

    public init(record: AttemptRecord, wasDuplicate: Bool, completion: CourseCompletion? = nil) {
        self.record = record
        self.wasDuplicate = wasDuplicate
        self.completion = completion
    }
}
