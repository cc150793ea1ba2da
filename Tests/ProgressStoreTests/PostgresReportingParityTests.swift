import Foundation
import LearningCore
import PostgresNIO
import PostgresStore
import PostgresTestSupport
@testable import ProgressStore
import Testing
import TestSupport

/// The same history written to the SQLite store and to the PostgreSQL store gives the same report figures,
/// coverage, completers, award candidates and item counts for every period; PostgreSQL's day rollups give its
/// raw figures, and rebuilt from the events they are those kept live: the city's reports are the communes'.
@Suite("Reports from PostgreSQL equal those from SQLite",
       .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresReportingParityTests {
    @Test(arguments: [11, 12] as [UInt64])
    func aRandomHistoryGivesTheSameReportsOnBothStores(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let location = try await PostgresTestServer.freshDatabase()
        let commune = CommuneID("xa-so-sanh")!
        let postgres = try await PostgresStore(location: location, commune: commune, hashing: .fastForTests,
                                               reportingSource: .rollups)
        let raw = try await PostgresStore(location: location, commune: commune, hashing: .fastForTests,
                                          reportingSource: .raw)
        defer {
            postgres.shutdown()
            raw.shutdown()
        }
        try await postgres.saveUnits(StoreFixture.units)
        // Both keep who reaches four of the five lists as completions come; the fifth is counted from the
        // completions.
        let kept = RollupTests.basicLevel.filter { $0.key != .business }
        let sqlite = try await RollupTests.store()
        #expect(try await sqlite.keepBasicLevel(kept))
        #expect(try await postgres.keepBasicLevel(kept))
        #expect(try await !postgres.keepBasicLevel(kept), "kept already")
        var twins = RandomHistory(sqlite: sqlite, postgres: postgres)
        let now = try await twins.write(from: RollupTests.local(2025, 11, 20, 7), events: 250, &random)
        #expect(twins.ties > 0, "some completions share an instant")
        let periods = RandomHistory.periods(until: now, &random)
        var periodsWithActivity = 0
        for period in periods {
            let fromSQLite = try await RollupTests.answers(twins.sqlite, period)
            let fromPostgres = try await RollupTests.answers(postgres, period)
            #expect(fromPostgres == fromSQLite, "period \(period.start) – \(period.end)")
            #expect(try await RollupTests.answers(raw, period) == fromPostgres, "rollups against raw events")
            for unit in RollupTests.units {
                #expect(try await postgres.figures(for: period, unitID: unit)
                    == twins.sqlite.figures(for: period, unitID: unit))
            }
            if fromSQLite.groups.contains(where: { $0.figures.active > 0 }) { periodsWithActivity += 1 }
        }
        #expect(periodsWithActivity > periods.count / 3, "the periods reach the history")
        // Item analysis of the final quizzes over the whole history.
        let everything = ReportingPeriod(start: RollupTests.local(2025, 1, 1), end: now.addingTimeInterval(86_400))
        for quiz in ["a/quiz", "b/quiz"] {
            let sqliteCounts = try await twins.sqlite.itemCounts(quizID: quiz, period: everything)
            #expect(sqliteCounts.attempts > 0)
            #expect(try await postgres.itemCounts(quizID: quiz, period: everything) == sqliteCounts)
        }
        // The commune's rollups rebuilt from its events are those kept live, the year rollups row for row.
        let live = try await Self.yearRollups(location)
        #expect(live.count > 20, "the history reaches the year rollups")
        #expect(live.contains { $0.hasPrefix("basic_level_reach:") }, "someone reached a kept list")
        #expect(live.contains { $0.hasPrefix("completion_year:") })
        try await postgres.rebuildSummaries()
        #expect(try await Self.yearRollups(location) == live)
        for period in periods {
            #expect(try await RollupTests.answers(postgres, period) == RollupTests.answers(twins.sqlite, period))
        }
        // A changed list is made again from the completions, on both stores.
        #expect(try await postgres.keepBasicLevel(RollupTests.basicLevel))
        #expect(try await twins.sqlite.keepBasicLevel(RollupTests.basicLevel))
        for period in periods {
            #expect(try await RollupTests.answers(postgres, period) == RollupTests.answers(twins.sqlite, period))
        }
        // A whole reporting year is read from the year rollups alone: without them its figures are gone.
        let year2026 = ReportingPeriod.year(2026, deadline: (12, 10), timeZone: RollupTests.vietnam)
        #expect(try await postgres.figures(for: year2026).groups.contains { $0.figures.active > 0 })
        try await PostgresTestServer.withConnection(to: location) { connection in
            try await connection.query("DELETE FROM year_groups", logger: Self.logger)
            try await connection.query("DELETE FROM year_figures", logger: Self.logger)
        }
        #expect(try await postgres.figures(for: year2026).groups.isEmpty)
        #expect(try await raw.figures(for: year2026).groups.contains { $0.figures.active > 0 })
        // And its coverage, completers and award candidates from the completions' rollups alone.
        let before = try await RollupTests.answers(postgres, year2026)
        let anyone = { (store: PostgresStore) in
            let (named, withheld) = try await store.awardCandidates(period: year2026, minimumCourses: 1,
                                                                    minimumAverage: 0)
            return named.count + withheld
        }
        let candidatesBefore = try await anyone(postgres)
        #expect(before.coverage.contains { !$0.isEmpty } && !before.completing.isEmpty && candidatesBefore > 0,
                "the year has completions")
        try await PostgresTestServer.withConnection(to: location) { connection in
            for table in ["basic_level_reach", "completion_year", "completion_unit_year"] {
                try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table)"), logger: Self.logger)
            }
        }
        let after = try await RollupTests.answers(postgres, year2026)
        let candidatesAfter = try await anyone(postgres)
        #expect(after.coverage.allSatisfy(\.isEmpty) && after.completing.isEmpty && candidatesAfter == 0)
        let fromRaw = try await RollupTests.answers(raw, year2026)
        #expect(fromRaw.coverage == before.coverage && fromRaw.completing == before.completing
                && fromRaw.named == before.named && fromRaw.withheld == before.withheld)
        try await PostgresTestServer.drop(location)
    }

    static let logger = Logger(label: "parity-test")

    /// Every row of the year rollups (`activity_year`, `learner_year`, `year_figures`, `year_groups`) and of the
    /// completions' rollups (`completion_year`, `completion_unit_year`, `basic_level_reach`), as text, read
    /// outside row-level security (the server's owner).
    static func yearRollups(_ location: PostgresLocation) async throws -> [String] {
        try await PostgresTestServer.withConnection(to: location) { connection in
            var rows: [String] = []
            for table in ["activity_year", "learner_year", "year_figures", "year_groups", "completion_year",
                          "completion_unit_year", "basic_level_reach"] {
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
                    SELECT '\(table)' || ':' || t::text FROM \(table) t ORDER BY t::text
                    """), logger: logger).decode(String.self) {
                    rows.append(row)
                }
            }
            return rows
        }
    }
}
