public import Foundation

/// What a printed certificate of completion (giấy chứng nhận hoàn thành khoá học) shows: the person, their
/// unit, the course, the date, the score and the code anyone can check it by. Only the learner themself and
/// staff who cover the learner's unit get one; the public check by code sees `PublicCertificate` only.
public struct CertificateView: Sendable, Hashable {
    /// The learner's name as stored (NFC).
    public var learnerName: String
    /// The learner's unit (đơn vị), e.g. `thon-dong`.
    public var unitID: String
    /// The unit's name, e.g. "Thôn Đông" (the id when the unit is no longer known).
    public var unitName: String
    public var courseID: String
    /// The course's title (the id when the course is no longer in the catalogue).
    public var courseTitle: String
    public var completedAt: Date
    /// The final quiz score in whole percent; nil for a course without a final quiz.
    public var percent: Int?
    /// The code printed on the certificate (mã xác nhận), in the form it is stored.
    public var verificationCode: String

    public init(learnerName: String, unitID: String, unitName: String, courseID: String, courseTitle: String,
                completedAt: Date, percent: Int?, verificationCode: String) {
        self.learnerName = learnerName
        self.unitID = unitID
        self.unitName = unitName
        self.courseID = courseID
        self.courseTitle = courseTitle
        self.completedAt = completedAt
        self.percent = percent
        self.verificationCode = verificationCode
    }
}
