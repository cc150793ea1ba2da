import Foundation
import HTTPTypes
public import Hummingbird
import LearningCore
public import Logging

/// Builds the kiosk's router over the use cases: pages, static files, the health check and the JSON API,
/// behind request logging (method and path only: no personal data), the security headers, the sessions and the
/// error pages. Tests call it with the in-memory repository and test it with `app.test(.router)`; they may
/// pass a session store on a clock they move.
public func buildRouter(
    _ configuration: WebConfiguration, services: KioskServices, templates: Templates, staticFiles: StaticFiles,
    sessions: SessionStore? = nil, staffSessions: StaffSessionStore? = nil, lookups: LookupRateLimiter? = nil
) -> Router<KioskRequestContext> {
    let sessions = sessions ?? SessionStore(clock: services.learning.clock, idleTimeout: configuration.idleTimeout)
    let staffSessions = staffSessions
        ?? StaffSessionStore(clock: services.learning.clock, idleTimeout: configuration.staffIdleTimeout)
    let lookups = lookups ?? LookupRateLimiter(clock: services.learning.clock)
    let openAPI = (try? Data(contentsOf: configuration.openAPIDocument)).map { ByteBuffer(bytes: $0) }
    let pages = Pages(templates: templates, sessions: sessions, services: services, configuration: configuration)
    let router = Router(context: KioskRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: SessionMiddleware(store: sessions))
    router.add(middleware: StaffSessionMiddleware(store: staffSessions))
    router.add(middleware: ErrorMiddleware(templates: templates, messages: services.messages, sessions: sessions))
    HealthRoutes(services: services).register(on: router)
    StaticRoutes(files: staticFiles).register(on: router)
    APIRoutes(services: services, sessions: sessions, configuration: configuration, lookups: lookups,
              openAPIDocument: openAPI).register(on: router)
    CoursePageRoutes(pages: pages).register(on: router)
    SignInPageRoutes(pages: pages).register(on: router)
    QuizPageRoutes(pages: pages).register(on: router)
    CertificatePageRoutes(pages: pages, lookups: lookups).register(on: router)
    let staffPages = StaffPages(templates: templates, sessions: staffSessions, services: services,
                                configuration: configuration, kiosk: pages)
    StaffSignInRoutes(pages: staffPages).register(on: router)
    StaffDashboardRoutes(pages: staffPages).register(on: router)
    StaffLearnerRoutes(pages: staffPages).register(on: router)
    StaffReportRoutes(pages: staffPages).register(on: router)
    StaffQuizRoutes(pages: staffPages).register(on: router)
    StaffImportRoutes(pages: staffPages).register(on: router)
    StaffAccountRoutes(pages: staffPages).register(on: router)
    return router
}

/// Builds the whole application: loads the templates and static files from the `Content/` folder (failing
/// at start, not at the first request, when one is missing), and runs the expired-attempt sweeper beside the
/// server. `runService()` on the result serves until SIGINT or SIGTERM, finishing requests in flight.
/// `onServerRunning` is called with the address once the server listens.
public func buildApplication(
    _ configuration: WebConfiguration, services: KioskServices, logger: Logger = Logger(label: "hoctap.web"),
    sessions: SessionStore? = nil, staffSessions: StaffSessionStore? = nil, lookups: LookupRateLimiter? = nil,
    onServerRunning: @escaping @Sendable (String) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let templates = try await Templates.load(from: configuration.templatesDirectory)
    let staticFiles = try StaticFiles.load(from: configuration.staticDirectory)
    let router = buildRouter(configuration, services: services, templates: templates, staticFiles: staticFiles,
                             sessions: sessions, staffSessions: staffSessions, lookups: lookups)
    let sweeper = ExpiredAttemptSweeper(learning: services.learning, interval: configuration.sweepInterval,
                                        logger: logger)
    let address = configuration.address
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "HocTapSo"),
        services: [sweeper],
        onServerRunning: { _ in await onServerRunning(address) },
        logger: logger)
}

/// Builds the application and serves until SIGINT or SIGTERM, then returns once requests in flight have
/// finished. Throws `Templates.Failure` before listening when the templates cannot be used, and `ListenFailure`
/// when the address cannot be listened on.
public func serveKiosk(
    _ configuration: WebConfiguration, services: KioskServices, logger: Logger = Logger(label: "hoctap.web"),
    onServerRunning: @escaping @Sendable (String) async -> Void = { _ in }
) async throws {
    let app = try await buildApplication(configuration, services: services, logger: logger,
                                         onServerRunning: onServerRunning)
    do {
        try await app.runService()
    } catch {
        throw ListenFailure.from(error, configuration: configuration) ?? error
    }
}
