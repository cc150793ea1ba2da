public import Foundation

/// A person who learns: only what the reports need (no ID-card number). The PIN is never held here, only
/// checked by the store against its slow salted hash.
public struct Learner: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Nil once the learner is deleted (anonymised): their counted results stay as anonymous figures.
    public var displayName: String?
    public var unitID: String
    public var category: LearnerCategory
    public var phone: String?
    public var createdAt: Date
    public var anonymisedAt: Date?

    public init(
        id: Int64, displayName: String?, unitID: String, category: LearnerCategory, phone: String?,
        createdAt: Date, anonymisedAt: Date? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.unitID = unitID
        self.category = category
        self.phone = phone
        self.createdAt = createdAt
        self.anonymisedAt = anonymisedAt
    }
}

