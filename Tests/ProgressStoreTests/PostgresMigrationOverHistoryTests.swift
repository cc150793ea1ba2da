import Foundation
import LearningCore
import PostgresNIO
import PostgresStore
import PostgresTestSupport
@testable import ProgressStore
import Testing
import TestSupport

/// A city database that already holds a history when a new version migrates it, under a login that owns the
/// database and is not a superuser (as a city's server would run): migration 009 fills the completions' rollups
/// from the completions already there, row for row as kept live, and reports from them equal the SQLite store's.
@Suite("A migration over a history already in PostgreSQL",
       .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresMigrationOverHistoryTests {
    let logger = Logger(label: "migration-over-history-test")

    @Test func migration009FillsTheCompletionRollupsFromTheCompletionsAsANonSuperuser() async throws {
        try await PostgresTestServer.makeAppRoles()
        let location = try await PostgresTestServer.freshDatabase()
        let login = try await PostgresTestServer.newLogin("hoctap_owner", granted: ["hoctap_app", "hoctap_city"])
        try await PostgresTestServer.withAdmin { connection in
            try await connection.query(
                PostgresQuery(unsafeSQL: "ALTER DATABASE \(location.database) OWNER TO \(login)"), logger: logger)
        }
        var owner = location
        owner.username = login
        owner.password = nil
        let commune = CommuneID("xa-di-tru")!
        var random = SplitMix64(seed: 21)
        let store = try await PostgresStore(location: owner, commune: commune, hashing: .fastForTests,
                                            reportingSource: .rollups)
        try await store.saveUnits(StoreFixture.units)
        #expect(try await store.keepBasicLevel(RollupTests.basicLevel))
        var twins = RandomHistory(sqlite: try await RollupTests.store(), postgres: store)
        let now = try await twins.write(from: RollupTests.local(2025, 11, 20, 7), events: 250, &random)
        store.shutdown()
        let live = try await PostgresReportingParityTests.yearRollups(location)
        #expect(live.contains { $0.hasPrefix("completion_year:") } && live.contains { $0.hasPrefix("basic_level_reach:") })

        // The database as the version before 009 left it (its history, none of 009's tables or functions).
        try await PostgresTestServer.withConnection(to: owner) { connection in
            for statement in [
                "DROP TABLE basic_level_course, basic_level_reach, completion_year, completion_unit_year",
                "DROP FUNCTION hoctap_add_completion, hoctap_fill_basic_level_reach, hoctap_fill_completion_rollups",
                "DELETE FROM schema_migrations WHERE id LIKE '009-%'",
            ] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
        let migrated = try await PostgresStore(location: owner, commune: commune, hashing: .fastForTests,
                                               reportingSource: .rollups)
        defer { migrated.shutdown() }
        let filled = try await PostgresReportingParityTests.yearRollups(location)
        #expect(filled == live.filter { !$0.hasPrefix("basic_level_reach:") }, "no lists are kept before a server starts")
        // The server keeps the lists at start: the people who reached them, as kept live.
        #expect(try await migrated.keepBasicLevel(RollupTests.basicLevel))
        #expect(try await PostgresReportingParityTests.yearRollups(location) == live)
        for period in RandomHistory.periods(until: now, &random) {
            #expect(try await RollupTests.answers(migrated, period) == RollupTests.answers(twins.sqlite, period))
        }
        try await PostgresTestServer.drop(location)
        try await PostgresTestServer.dropLogin(login)
    }
}
