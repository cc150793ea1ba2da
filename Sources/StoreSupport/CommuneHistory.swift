public import Foundation
public import LearningCore

/// A commune's whole recorded history as one store holds it, for copying it into another (`hoctap db copy`, from
/// the commune's SQLite file into the city's PostgreSQL database). Learners keep their id in the source
/// (`sourceID`), which the events refer to; secrets travel only as their bcrypt hashes. Open attempts and the
/// sign-in failures being counted come along; the summaries and rollups do not: the target rebuilds them from
/// these events.
public struct CommuneHistory: Sendable {
    /// A learner with what the source keeps about them.
    public struct Learner: Sendable {
        /// Its id in the source store.
        public var sourceID: Int64
        /// The name; nil once deleted.
        public var displayName: String?
        /// The unit (thôn, department) recorded.
        public var unitID: String
        /// The audience category recorded (`nguoi-dan`, `can-bo` …).
        public var category: String
        /// The phone number, if given.
        public var phone: String?
        /// The bcrypt hash of the PIN, if any.
        public var pinHash: String?
        /// When the learner registered.
        public var createdAt: Date
        /// When the learner's personal data was deleted, if it was.
        public var anonymisedAt: Date?

        /// One made of the values given.
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
        /// Its id in the source store.
        public var sourceID: Int64
        /// The learner, by their id in the source store.
        public var learnerID: Int64
        /// The unit (thôn, department) recorded.
        public var unitID: String
        /// The audience category recorded (`nguoi-dan`, `can-bo` …).
        public var category: String
        /// When it happened.
        public var at: Date

        /// One made of the values given.
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
        /// Its id in the source store.
        public var sourceID: Int64
        /// The learner, by their id in the source store.
        public var learnerID: Int64
        /// The course.
        public var courseID: String
        /// The lesson.
        public var lessonID: String
        /// `visit` or `complete`.
        public var kind: String
        /// When it happened.
        public var at: Date
        /// The unit (thôn, department) recorded.
        public var unitID: String
        /// The audience category recorded (`nguoi-dan`, `can-bo` …).
        public var category: String

        /// One made of the values given.
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
        /// The attempt as graded.
        public var record: AttemptRecord
        /// The id the client sent it with, if any.
        public var submissionID: String?
        /// The unit (thôn, department) recorded.
        public var unitID: String
        /// The audience category recorded (`nguoi-dan`, `can-bo` …).
        public var category: String

        /// One made of the values given.
        public init(record: AttemptRecord, submissionID: String?, unitID: String, category: String) {
            self.record = record
            self.submissionID = submissionID
            self.unitID = unitID
            self.category = category
        }
    }

    /// A course completion, with the attempt that earned it and the unit and category recorded on it.
    public struct Completion: Sendable {
        /// The completion with its certificate code.
        public var completion: CourseCompletion
        /// The attempt that earned it, if one did.
        public var attemptID: String?
        /// The unit (thôn, department) recorded.
        public var unitID: String
        /// The audience category recorded (`nguoi-dan`, `can-bo` …).
        public var category: String

        /// One made of the values given.
        public init(completion: CourseCompletion, attemptID: String?, unitID: String, category: String) {
            self.completion = completion
            self.attemptID = attemptID
            self.unitID = unitID
            self.category = category
        }
    }

    /// A staff account with its password's bcrypt hash.
    public struct Staff: Sendable {
        /// The account.
        public var account: StaffAccount
        /// The bcrypt hash of its password.
        public var passwordHash: String

        /// One made of the values given.
        public init(account: StaffAccount, passwordHash: String) {
            self.account = account
            self.passwordHash = passwordHash
        }
    }

    /// An attempt begun and not yet submitted, with when each of its answers was last saved.
    public struct OpenAttempt: Sendable {
        /// The attempt as begun, its learner by their id in the source store, with the answers saved so far.
        public var draft: AttemptDraft
        /// When each answer (by question id) was last saved.
        public var savedAt: [String: Date]

        /// One made of the values given.
        public init(draft: AttemptDraft, savedAt: [String: Date]) {
            self.draft = draft
            self.savedAt = savedAt
        }
    }

    /// Units of the commune.
    public var units: [CommuneUnit] = []
    /// Learners, deleted ones included (as figures).
    public var learners: [Learner] = []
    /// Registrations and moves.
    public var placements: [Placement] = []
    /// Consents given or withdrawn, each with its id in the source.
    public var consents: [(sourceID: Int64, event: ConsentEvent)] = []
    /// Lessons visited and read to the end.
    public var lessonEvents: [LessonEvent] = []
    /// Graded attempts.
    public var attempts: [Attempt] = []
    /// Course completions.
    public var completions: [Completion] = []
    /// Staff accounts.
    public var staff: [Staff] = []
    /// Quizzes closed by staff, with the time each was closed.
    public var quizClosures: [(quizID: String, closedAt: Date)] = []
    /// The audit log of staff actions, each with its id in the source.
    public var audit: [(sourceID: Int64, entry: AuditEntry)] = []
    /// Attempts begun and not yet submitted: a learner moved to the city database mid-quiz finds theirs there.
    public var openAttempts: [OpenAttempt] = []
    /// Sign-in failures being counted (a learner's PIN, a kiosk, a staff account or address), by the store's key:
    /// a move does not give a guesser fresh tries.
    public var signInFailures: [(key: String, state: SignInThrottle.State)] = []

    /// An empty history, to be filled by a store.
    public init() {}

    /// How many rows it holds, by kind, in the order `hoctap db copy` prints them.
    public var counts: HistoryCounts {
        HistoryCounts(units: units.count, learners: learners.count, placements: placements.count,
                      consents: consents.count, lessonEvents: lessonEvents.count, attempts: attempts.count,
                      completions: completions.count, staff: staff.count, quizClosures: quizClosures.count,
                      audit: audit.count, openAttempts: openAttempts.count, signInFailures: signInFailures.count)
    }

    /// How many rows of each kind it has to write.
    public var rowCount: Int {
        units.count + learners.count + placements.count + consents.count + lessonEvents.count + attempts.count
            + completions.count + staff.count + quizClosures.count + audit.count + openAttempts.count
            + signInFailures.count
    }
}
