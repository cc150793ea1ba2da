import LearningCore
import PostgresStore
import PostgresTestSupport
import Testing
import TestSupport

/// Says in the test log whether the contract suite also ran on PostgreSQL, and why not when it did not.
@Suite("The contract suite on PostgreSQL")
struct PostgresContractAvailabilityTests {
    @Test("with a server, the contract suite's PostgreSQL cases run on a fully migrated database",
          .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
    func theContractSuiteRunsOnAFullyMigratedPostgreSQLDatabase() async throws {
        #expect(StoreKind.available.contains(.postgres))
        let store = try await ContractStore(.postgres)
        let postgres = try #require(store.repository as? PostgresStore)
        #expect(try await postgres.appliedMigrations() == PostgresStore.knownMigrations)
        #expect(try await store.repository.units().map(\.id) == CourseFixtures.units.map(\.id).sorted())
    }
}
