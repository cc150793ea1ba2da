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
    /// The campaign (`Content/campaign.yaml`): units, targets, the issuing body of reports and certificates.
    public var campaign: CampaignConfiguration
    /// The store's report figures (SQL aggregates), read by the staff area's dashboard and report downloads
    /// only through `StaffService.reporting(_:unitID:)`, which checks the role first. Nil where the store keeps
    /// no figures (the in-memory repository of the kiosk's own tests): the staff area then says reports are not
    /// available.
    public var reporting: (any ReportingRepository)?
    /// The store's item-analysis sums, read by the staff area's report page only through
    /// `StaffService.itemAnalysis`, which checks the role first. Nil where the store keeps none.
    public var itemAnalysis: (any ItemAnalysisRepository)?

    /// Bundles the use cases.
    public init(learning: LearningService, signIn: SignInService, staff: StaffService, messages: MessageCatalog,
                campaign: CampaignConfiguration, reporting: (any ReportingRepository)?,
                itemAnalysis: (any ItemAnalysisRepository)? = nil) {
        self.learning = learning
        self.signIn = signIn
        self.staff = staff
        self.messages = messages
        self.campaign = campaign
        self.reporting = reporting
        self.itemAnalysis = itemAnalysis
    }
}
