public import CourseContent
public import LearningCore

/// The use cases the HTTP front calls, built by the composition root over the real store (or, in tests, over the
/// in-memory repository), and the Vietnamese strings it words messages with. The front never sees the store.
public struct KioskServices: Sendable {
    /// Courses, lessons, quiz attempts and certificates.
    public var learning: LearningService
    /// Sign-in, registration and consent of learners.
    public var signIn: SignInService
    /// The staff area: learners of a unit, corrections, deletions, the audit log.
    public var staff: StaffService
    /// The UI strings (`Content/strings/vi.yaml`).
    public var messages: MessageCatalog

    /// Bundles the use cases.
    public init(learning: LearningService, signIn: SignInService, staff: StaffService, messages: MessageCatalog) {
        self.learning = learning
        self.signIn = signIn
        self.staff = staff
        self.messages = messages
    }
}
