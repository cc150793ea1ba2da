import CourseContent
import Foundation
import Hummingbird
import HummingbirdTesting
import LearningCore
import TestSupport
import WebFront

/// The kiosk app as tests build it: the real templates and static files of `Content/`, the use cases over the
/// in-memory repository and the fixture course (`khoa`, "Khoá học thử", lessons `01-mot` and `02-hai`), and
/// one test clock for the use cases and the sessions (so a test can let a session go idle).
enum WebTestApp {
    /// The repository's `Content/` folder.
    static let contentDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content", isDirectory: true)

    /// The use cases over a fresh in-memory repository holding the fixture units.
    static func services(repository: InMemoryProgressRepository = InMemoryProgressRepository(),
                         catalog: InMemoryCourseCatalog = CourseFixtures.catalog(),
                         clock: TestClock = TestClock()) async throws -> KioskServices
    {
        try await repository.saveUnits(CourseFixtures.units)
        return KioskServices(
            learning: LearningService(repository: repository, catalog: catalog, clock: clock,
                                      random: SeededRandomSource(seed: 7)),
            signIn: SignInService(repository: repository, clock: clock),
            staff: StaffService(repository: repository, clock: clock),
            messages: try MessageCatalog(contentDirectory: contentDirectory), campaign: CourseFixtures.campaign,
            reporting: nil)
    }

    /// Runs `body` against the app in process (no socket), where every request's `Host` is `localhost`.
    static func test<Value>(
        repository: InMemoryProgressRepository = InMemoryProgressRepository(),
        catalog: InMemoryCourseCatalog = CourseFixtures.catalog(),
        clock: TestClock = TestClock(),
        idleTimeout: TimeInterval = 300,
        publicBaseURL: URL? = nil,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let configuration = WebConfiguration(contentDirectory: contentDirectory, sweepInterval: .seconds(3600),
                                             idleTimeout: idleTimeout, publicBaseURL: publicBaseURL)
        let services = try await services(repository: repository, catalog: catalog, clock: clock)
        let sessions = SessionStore(clock: clock, idleTimeout: idleTimeout)
        let app = try await buildApplication(configuration, services: services, sessions: sessions)
        return try await app.test(.router, body)
    }

    /// Registers a learner of `thon-1` straight through the use case (tests that start at sign-in).
    @discardableResult
    static func registerLearner(_ repository: InMemoryProgressRepository, name: String = "Nguyễn Thị Lan",
                                pin: String = "2468", clock: TestClock = TestClock()) async throws -> LearnerIdentity {
        try await repository.saveUnits(CourseFixtures.units)
        return try await SignInService(repository: repository, clock: clock).register(
            NewLearner(displayName: name, unitID: "thon-1", category: .citizens, pin: pin),
            consent: CourseFixtures.consent)
    }
}

extension WebTestApp {
    /// The Vietnamese strings, to compare messages with.
    static let messages: MessageCatalog = (try? MessageCatalog(contentDirectory: contentDirectory)) ?? .bundled
}
