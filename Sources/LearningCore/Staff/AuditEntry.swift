public import Foundation

/// One staff action on a person's data or on the platform: who, what, when. The law gives staff 2 working days
/// to act on a person's request; the log shows when they did.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// What was done.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case viewLearner = "xem-du-lieu"
        case exportLearner = "xuat-du-lieu"
        case correctLearner = "sua-du-lieu"
        case deleteLearner = "xoa-du-lieu"
        case withdrawConsent = "rut-dong-y"
        case listLearners = "xem-danh-sach"
        case closeQuiz = "dong-bai-kiem-tra"
        case reopenQuiz = "mo-lai-bai-kiem-tra"
        case createStaffAccount = "tao-tai-khoan"
        case disableStaffAccount = "khoa-tai-khoan"
        case enableStaffAccount = "mo-khoa-tai-khoan"
        case resetStaffPassword = "dat-lai-mat-khau"
        /// A list of learners imported from CSV (the detail says how many rows).
        case importLearners = "nhap-danh-sach"
    }

    public var at: Date
    /// The staff member's username, or `console` for the operator at the server.
    public var staffName: String
    public var action: Action
    /// The learner concerned, if any.
    public var learnerID: Int64?
    /// What else identifies the action (a unit, a quiz, the fields corrected); never a person's data.
    public var detail: String

    public init(at: Date, staffName: String, action: Action, learnerID: Int64?, detail: String) {
        self.at = at
        self.staffName = staffName
        self.action = action
        self.learnerID = learnerID
        self.detail = detail
    }
}
