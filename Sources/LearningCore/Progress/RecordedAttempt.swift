import Foundation

/// What storing an attempt answered: the stored record, and whether it had been stored before.
public struct RecordedAttempt: Sendable, Hashable {
    public var record: AttemptRecord
    /// True when this submission id was already stored: `record` is then the first result, unchanged.
    public var wasDuplicate: Bool

    public init(record: AttemptRecord, wasDuplicate: Bool) {
        self.record = record
        self.wasDuplicate = wasDuplicate
    }
}
