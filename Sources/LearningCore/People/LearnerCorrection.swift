import Foundation

/// Fields a learner (or staff on their behalf) may correct.
public struct LearnerCorrection: Sendable, Hashable {
    public var displayName: String?
    public var unitID: String?
    public var category: LearnerCategory?
    /// `.some(nil)` removes the phone number.
    public var phone: String??

    public init(displayName: String? = nil, unitID: String? = nil, category: LearnerCategory? = nil, phone: String?? = nil) {
        self.displayName = displayName
        self.unitID = unitID
        self.category = category
        self.phone = phone
    }
}
