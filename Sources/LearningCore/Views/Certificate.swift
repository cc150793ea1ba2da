public import Foundation

/// A certificate as a public lookup by its code shows it: the name, the course and the date only.
public struct PublicCertificate: Sendable, Hashable, Codable {
    /// Nil when the learner's data was deleted since.
    public var learnerName: String?
    public var courseTitle: String
    public var completedAt: Date
    public var verificationCode: String

    public init(learnerName: String?, courseTitle: String, completedAt: Date, verificationCode: String) {
        self.learnerName = learnerName
        self.courseTitle = courseTitle
        self.completedAt = completedAt
        self.verificationCode = verificationCode
    }
}
