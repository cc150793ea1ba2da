/// How many rows of each kind of a commune's history a store holds (before and after a copy).
public struct HistoryCounts: Sendable, Hashable {
    /// How many: units of the commune.
    public var units = 0
    /// How many: learners, deleted ones included (as figures).
    public var learners = 0
    /// How many: registrations and moves.
    public var placements = 0
    /// How many: consents given or withdrawn.
    public var consents = 0
    /// How many: lessons visited and read to the end.
    public var lessonEvents = 0
    /// How many: graded attempts.
    public var attempts = 0
    /// How many: course completions.
    public var completions = 0
    /// How many: staff accounts.
    public var staff = 0
    /// How many: quizzes closed by staff.
    public var quizClosures = 0
    /// How many: entries of the staff audit log.
    public var audit = 0
    /// How many: attempts begun and not yet submitted.
    public var openAttempts = 0
    /// How many: sign-in failure counts kept (learners', kiosks', staff's).
    public var signInFailures = 0

    /// The counts given.
    public init(units: Int = 0, learners: Int = 0, placements: Int = 0, consents: Int = 0, lessonEvents: Int = 0,
                attempts: Int = 0, completions: Int = 0, staff: Int = 0, quizClosures: Int = 0, audit: Int = 0,
                openAttempts: Int = 0, signInFailures: Int = 0) {
        self.units = units
        self.learners = learners
        self.placements = placements
        self.consents = consents
        self.lessonEvents = lessonEvents
        self.attempts = attempts
        self.completions = completions
        self.staff = staff
        self.quizClosures = quizClosures
        self.audit = audit
        self.openAttempts = openAttempts
        self.signInFailures = signInFailures
    }

    /// Each kind with its key under `cli.copy.kinds` in `Content/strings/vi.yaml`, in the order they print.
    public var byKind: [(key: String, count: Int)] {
        [("units", units), ("learners", learners), ("placements", placements), ("consents", consents),
         ("lesson_events", lessonEvents), ("attempts", attempts), ("completions", completions), ("staff", staff),
         ("quiz_closures", quizClosures), ("audit", audit), ("open_attempts", openAttempts),
         ("sign_in_failures", signInFailures)]
    }
}
