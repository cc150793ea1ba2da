import Foundation

/// What registering a learner takes.
public struct NewLearner: Sendable, Hashable {
    public var displayName: String
    public var unitID: String
    public var category: LearnerCategory
    public var phone: String?
    /// A short PIN chosen by the learner; stored only as a bcrypt hash.
    public var pin: String?

    public init(displayName: String, unitID: String, category: LearnerCategory, phone: String? = nil, pin: String? = nil) {
        self.displayName = displayName
        self.unitID = unitID
        self.category = category
        self.phone = phone
        self.pin = pin
    }
}
