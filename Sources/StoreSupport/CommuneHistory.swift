public import Foundation
public import LearningCore

/// A commune's whole recorded history as one store holds it, for copying it into another (`hoctap db copy`, from
/// the commune's SQLite file into the city's PostgreSQL database). Learners keep their id in the source
/// (`sourceID`), which the events refer to; secrets travel only as their bcrypt hashes. Open attempts, sign-in
/// failures and the summaries and rollups are not part of it: the target rebuilds summaries and rollups from
/// these events.
public struct CommuneHistory: Sendable {
    /// A learner with what the source keeps about them.
    public struct Learner: Sendable {
        public var sourceID: Int64
        public var displayName: String?
        public var unitID: String
        public var category: String
        public var phone: String?
        public var pinHash: String?
        public var createdAt: Date
        public var anonymisedAt: Date?

        public init(sourceID: Int64, displayName: String?, unitID: String, category: String, phone: String?,
                    pinHash: String?, createdAt: Date, anonymisedAt: Date?) {
            self.sourceID = sourceID
            self.displayName = displayName
            self.unitID = unitID
            self.category = category
            self.phone = phone
            self.pinHash = pinHash
            self.createdAt = createdAt
            self.anonymisedAt = anonymisedAt
        }
    }

    /// A registration or a move: the learner placed in a unit and category from `at`.
    public struct Placement: Sendable {
        public var sourceID: Int64
        public var learnerID: Int64
        public var unitID: String
        public var category: String
        public var at: Date

        public init(sourceID: Int64, learnerID: Int64, unitID: String, category: String, at: Date) {
            self.sourceID = sourceID
            self.learnerID = learnerID
            self.unitID = unitID
            self.category = category
            self.at = at
        }
    }

    /// A lesson visited (`visit`) or read to the end (`complete`), with the unit and category recorded on it.
    public struct LessonEvent: Sendable {
        public var sourceID: Int64
        public var learnerID: Int64
        public var courseID: String
        public var lessonID: String
        public var kind: String
        public var at: Date
        public var unitID: String
        public var category: String

        public init(sourceID: Int64, learnerID: Int64, courseID: String, lessonID: String, kind: String, at: Date,
                    unitID: String, category: String) {
            self.sourceID = sourceID
            self.learnerID = learnerID
            self.courseID = courseID
            self.lessonID = lessonID
            self.kind = kind
            self.at = at
            self.unitID = unitID
            self.category = category
        }
    }

    /// A graded attempt with the submission id it came with and the unit and category recorded on it.
    public struct Attempt: Sendable {
        public var record: AttemptRecord
        public var submissionID: String?
        public var unitID: String
        public var category: String

        public init(record: AttemptRecord, submissionID: String?, unitID: String, category: String) {
            self.record = record
            self.submissionID = submissionID
            self.unitID = unitID
            self.category = category
        }
    }

    /// A course completion, with the attempt that earned it and the unit and category recorded on it.
    public struct Completion: Sendable {
        public var completion: CourseCompletion
        public var attemptID: String?
        public var unitID: String
        public var category: String

        public init(completion: CourseCompletion, attemptID: String?, unitID: String, category: String) {
            self.completion = completion
            self.attemptID = attemptID
            self.unitID = unitID
            self.category = category
        }
    }

    /// A staff account with its password's bcrypt hash.
    public struct Staff: Sendable {
        public var account: StaffAccount
        public var passwordHash: String

        public init(account: StaffAccount, passwordHash: String) {
            self.account = account
            self.passwordHash = passwordHash
        }
    }

    public var units: [CommuneUnit] = []
    public var learners: [Learner] = []
    public var placements: [Placement] = []
    /// Consents given or withdrawn, each with its id in the source.
    public var consents: [(sourceID: Int64, event: ConsentEvent)] = []
    public var lessonEvents: [LessonEvent] = []
    public var attempts: [Attempt] = []
    public var completions: [Completion] = []
    public var staff: [Staff] = []
    /// Quizzes closed by staff, with the time each was closed.
    public var quizClosures: [(quizID: String, closedAt: Date)] = []
    /// The audit log of staff actions, each with its id in the source.
    public var audit: [(sourceID: Int64, entry: AuditEntry)] = []

    /// An empty history, to be filled by a store.
    public init() {}

    /// How many rows it holds, by kind, in the order `hoctap db copy` prints them.
    public var counts: HistoryCounts {
        HistoryCounts(units: units.count, learners: learners.count, placements: placements.count,
                      consents: consents.count, lessonEvents: lessonEvents.count, attempts: attempts.count,
                      completions: completions.count, staff: staff.count, quizClosures: quizClosures.count,
                      audit: audit.count)
    }

    /// How many rows of each kind it has to write.
    public var rowCount: Int {
        units.count + learners.count + placements.count + consents.count + lessonEvents.count + attempts.count
            + completions.count + staff.count + quizClosures.count + audit.count
    }
}
