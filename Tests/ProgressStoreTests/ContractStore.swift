import Foundation
import LearningCore
import PostgresStore
import PostgresTestSupport
import ProgressStore
import Testing
import TestSupport

/// The implementations of the repository protocols that the contract suite holds to the same promises.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case memory
    /// PostgreSQL, one fresh database per test, when `HOCTAP_TEST_POSTGRES` names a server.
    case postgres

    var testDescription: String { rawValue }

    /// The kinds this run can test: PostgreSQL only with a server (`PostgresSkipNotice` says so otherwise).
    static var available: [StoreKind] {
        PostgresTestServer.isAvailable ? allCases : [.sqlite, .memory]
    }
}

/// The commune a contract test's PostgreSQL store works for.
let contractCommune = CommuneID("xa-hoc-tap")!

/// One store of either kind, with the use cases wired over it as the composition root wires them.
final class ContractStore: @unchecked Sendable {
    let kind: StoreKind
    let clock = TestClock()
    let folder: URL
    private(set) var repository: any ProgressRepository & StaffRepository
    let catalog: InMemoryCourseCatalog
    /// One source for the store's life, as the server has: ids drawn twice never repeat.
    let random = SeededRandomSource(seed: 42)

    /// The PostgreSQL database of a `.postgres` store.
    private var postgres: PostgresLocation?

    init(_ kind: StoreKind, feedback: FeedbackTiming = .afterSubmission, attempts: Int? = 2) async throws {
        self.kind = kind
        catalog = CourseFixtures.catalog(feedback: feedback, attempts: attempts)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch kind {
        case .sqlite: repository = try AppDatabase(path: folder.appendingPathComponent("hoctap.sqlite").path,
                                                   hashing: .fastForTests)
        case .memory: repository = InMemoryProgressRepository()
        case .postgres:
            let location = try await PostgresTestServer.freshDatabase()
            postgres = location
            repository = try await PostgresStore(location: location, commune: contractCommune, hashing: .fastForTests)
        }
        try await repository.saveUnits(CourseFixtures.units)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
        if let postgres, let store = repository as? PostgresStore {
            store.shutdown()
            Task { try? await PostgresTestServer.drop(postgres) }
        }
    }

    /// A restart: the SQLite file or the PostgreSQL database is opened again by a new store; the in-memory
    /// store has no restart and stays as it is.
    func restart() async throws {
        switch kind {
        case .sqlite:
            repository = try AppDatabase(path: folder.appendingPathComponent("hoctap.sqlite").path, hashing: .fastForTests)
        case .postgres:
            (repository as? PostgresStore)?.shutdown()
            repository = try await PostgresStore(location: postgres!, commune: contractCommune, hashing: .fastForTests)
        case .memory:
            break
        }
    }

    var learning: LearningService {
        LearningService(repository: repository, catalog: catalog, clock: clock, random: random)
    }

    var signIn: SignInService { SignInService(repository: repository, clock: clock) }

    var staff: StaffService { StaffService(repository: repository, clock: clock) }

    /// Registers a learner at a kiosk (with the learning consent) and returns the signed-in identity.
    func learner(_ name: String = "Nguyễn Thị Lan", unit: String = "thon-1", pin: String = "2468",
                 consent: ConsentChoices = CourseFixtures.consent) async throws -> LearnerIdentity {
        try await signIn.register(NewLearner(displayName: name, unitID: unit, category: .citizens, pin: pin),
                                  consent: consent)
    }
}
