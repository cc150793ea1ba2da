public import Foundation

/// A course completed by a learner, recorded the moment the completing event happens.
public struct CourseCompletion: Sendable, Hashable {
    public var learnerID: Int64
    public var courseID: String
    public var courseVersion: Int
    public var completedAt: Date
    /// Final quiz score in whole percent (rounded down); nil for a course without a final quiz.
    public var percent: Int?
    /// Short code printed on the certificate, to check it was really earned (mã xác thực).
    public var verificationCode: String

    public init(
        learnerID: Int64, courseID: String, courseVersion: Int, completedAt: Date, percent: Int?,
        verificationCode: String
    ) {
        self.learnerID = learnerID
        self.courseID = courseID
        self.courseVersion = courseVersion
        self.completedAt = completedAt
        self.percent = percent
        self.verificationCode = verificationCode
    }
}
