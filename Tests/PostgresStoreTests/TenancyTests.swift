import Foundation
import LearningCore
import PostgresNIO
import PostgresStore
import PostgresTestSupport
import Testing
import TestSupport

/// Two communes in one city database: each store sees and writes its own commune's rows only, and raw SQL as
/// the app's role is held to the same by PostgreSQL's row-level security, not by the store's queries.
@Suite("Communes as tenants under row-level security",
       .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
struct TenancyTests {
    let east = CommuneID("xa-dong")!
    let west = CommuneID("xa-tay")!
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    /// One database, a store for each commune, each with the same unit codes and one learner.
    private func twoCommunes() async throws -> (PostgresLocation, PostgresStore, PostgresStore, Learner, Learner) {
        let location = try await PostgresTestServer.freshDatabase()
        let eastStore = try await PostgresStore(location: location, commune: east, hashing: .fastForTests)
        let westStore = try await PostgresStore(location: location, commune: west, hashing: .fastForTests)
        try await eastStore.saveUnits(CourseFixtures.units)
        try await westStore.saveUnits(CourseFixtures.units)
        let lan = try await eastStore.register(
            NewLearner(displayName: "Nguyễn Thị Lan", unitID: "thon-1", category: .citizens, pin: "2468"), at: now)
        let hung = try await westStore.register(
            NewLearner(displayName: "Trần Văn Hùng", unitID: "thon-1", category: .citizens, pin: "1357"), at: now)
        return (location, eastStore, westStore, lan, hung)
    }

    @Test func aStoreNeitherReadsNorChangesAnotherCommunesLearners() async throws {
        let (location, eastStore, westStore, lan, hung) = try await twoCommunes()
        defer {
            eastStore.shutdown()
            westStore.shutdown()
        }
        #expect(try await eastStore.learner(id: hung.id) == nil)
        #expect(try await eastStore.learners(unitID: nil).map(\.id) == [lan.id])
        #expect(try await westStore.learners(unitID: "thon-1").map(\.id) == [hung.id])
        #expect(try await eastStore.learners(unitID: "thon-1", named: "Trần Văn Hùng").isEmpty)
        #expect(try await eastStore.verifyPIN(learnerID: hung.id, pin: "1357") == false)
        await #expect(throws: ProgressError(.unknownLearner, String(hung.id))) {
            try await eastStore.anonymise(learnerID: hung.id, at: now)
        }
        await #expect(throws: ProgressError(.unknownLearner, String(hung.id))) {
            try await eastStore.recordLessonVisit(learnerID: hung.id, courseID: "khoa", lessonID: "01", at: now)
        }
        await #expect(throws: ProgressError(.unknownLearner, String(hung.id))) {
            try await eastStore.personalData(learnerID: hung.id)
        }
        // A submission is one statement on the commune's own session (`hoctap_record_attempt`): refused alike.
        let questions = [QuestionResult(questionID: "khoa/quiz/1", contentHash: "h", response: .choices(["a"]),
                                        credit: .full)]
        let his = AttemptRecord(attemptID: "hung-1", learnerID: hung.id, courseID: "khoa", courseVersion: 1,
                                quizID: "khoa/quiz", isFinalQuiz: false, seed: 1, startedAt: now, submittedAt: now,
                                result: QuizResult(questions: questions, passMark: 80))
        await #expect(throws: ProgressError(.unknownLearner, String(hung.id))) {
            _ = try await eastStore.recordAttempt(his)
        }
        #expect(try await westStore.attempt(id: "hung-1") == nil)
        // Hùng is untouched in his own commune.
        let untouched = try #require(try await westStore.learner(id: hung.id))
        #expect(untouched.displayName == "Trần Văn Hùng" && untouched.anonymisedAt == nil)
        #expect(try await westStore.verifyPIN(learnerID: hung.id, pin: "1357"))
        try await PostgresTestServer.drop(location)
    }

    @Test func rawSQLAsTheAppRoleSeesNoOtherCommuneAndCannotWriteIntoOne() async throws {
        let (location, eastStore, westStore, lan, hung) = try await twoCommunes()
        eastStore.shutdown()
        westStore.shutdown()
        let east = east.value
        let west = west.value
        try await PostgresTestServer.withConnection(to: location) { connection in
            let logger = Logger(label: "tenancy-test")
            try await connection.query("BEGIN", logger: logger)
            try await connection.query("SET LOCAL ROLE hoctap_app", logger: logger)
            // No commune set: no row of any commune.
            let unset = try await connection.query("SELECT COUNT(*) FROM learner", logger: logger).collect()
            #expect(try unset.first?.decode(Int.self) == 0)
            try await connection.query("SELECT set_config('app.commune', \(east), true)", logger: logger)
            // Every learner row it can see is its own, even asked for the other's id or commune by name.
            let ids = try await connection.query("SELECT id FROM learner ORDER BY id", logger: logger).collect()
                .map { try $0.decode(Int64.self) }
            #expect(ids == [lan.id])
            let asked = try await connection.query(
                "SELECT COUNT(*) FROM learner WHERE id = \(hung.id) OR commune_id = \(west)", logger: logger).collect()
            #expect(try asked.first?.decode(Int.self) == 0)
            // An update or delete of the other's rows changes nothing.
            let updated = try await connection.query(
                "UPDATE learner SET display_name = 'x' WHERE id = \(hung.id) RETURNING id", logger: logger).collect()
            #expect(updated.isEmpty)
            let deleted = try await connection.query(
                "DELETE FROM sign_in_throttle WHERE commune_id = \(west) RETURNING key", logger: logger).collect()
            #expect(deleted.isEmpty)
            try await connection.query("SAVEPOINT before_insert", logger: logger)
            // A row written into the other commune is refused by the policy's WITH CHECK.
            do {
                try await connection.query("""
                    INSERT INTO quiz_closure (commune_id, quiz_id, closed_at) VALUES (\(west), 'q', now())
                    """, logger: logger)
                Issue.record("an insert into another commune was accepted")
            } catch let error as PSQLError {
                #expect(error.serverInfo?[.sqlState] == "42501")
            }
            try await connection.query("ROLLBACK TO SAVEPOINT before_insert", logger: logger)
            // Nor can the role lift the policies: it owns no table.
            do {
                try await connection.query("ALTER TABLE learner DISABLE ROW LEVEL SECURITY", logger: logger)
                Issue.record("the app role turned row-level security off")
            } catch let error as PSQLError {
                #expect(error.serverInfo?[.sqlState] == "42501")
            }
            try await connection.query("ROLLBACK", logger: logger)
        }
        // Seen from outside the policies (the server's owner), Hùng's row is as it was.
        let name = try await PostgresTestServer.withConnection(to: location) { connection in
            try await connection.query("SELECT display_name FROM learner WHERE id = \(hung.id)",
                                       logger: Logger(label: "tenancy-test")).collect().first?.decode(String.self)
        }
        #expect(name == "Trần Văn Hùng")
        try await PostgresTestServer.drop(location)
    }

    /// `twoCommunes`, Lan having read a lesson of "khoa", Hùng one of "khoa" and one of "khoa-2".
    private func twoActiveCommunes() async throws
        -> (PostgresLocation, PostgresStore, PostgresStore, Learner, Learner)
    {
        let (location, eastStore, westStore, lan, hung) = try await twoCommunes()
        try await eastStore.recordLessonVisit(learnerID: lan.id, courseID: "khoa", lessonID: "01", at: now)
        try await westStore.recordLessonVisit(learnerID: hung.id, courseID: "khoa", lessonID: "01", at: now)
        try await westStore.recordLessonVisit(learnerID: hung.id, courseID: "khoa-2", lessonID: "01", at: now)
        return (location, eastStore, westStore, lan, hung)
    }

    @Test func eachCommuneReportsItsOwnFiguresOnly() async throws {
        let (location, eastStore, westStore, _, _) = try await twoActiveCommunes()
        defer {
            eastStore.shutdown()
            westStore.shutdown()
        }
        let year = ReportingPeriod(start: now.addingTimeInterval(-86_400 * 30), end: now.addingTimeInterval(86_400))
        let eastFigures = try await eastStore.figures(for: year)
        let westFigures = try await westStore.figures(for: year)
        #expect(eastFigures.courses.map(\.courseID) == ["khoa"])
        #expect(westFigures.courses.map(\.courseID) == ["khoa", "khoa-2"])
        #expect(eastFigures.groups.map(\.figures.registered) == [1])
        #expect(eastFigures.groups.map(\.figures.enrolments) == [1])
        #expect(westFigures.groups.map(\.figures.enrolments) == [2])
        try await PostgresTestServer.drop(location)
    }

    @Test func theCityRoleReadsEveryCommuneAndWritesNothing() async throws {
        let (location, eastStore, westStore, lan, hung) = try await twoActiveCommunes()
        defer {
            eastStore.shutdown()
            westStore.shutdown()
        }
        let city = try await PostgresCityReports(location: location)
        defer { city.shutdown() }
        #expect(try await city.communes() == [east, west])
        // Each commune read through the city is what its own store reports, not the city's sum.
        let year = ReportingPeriod(start: now.addingTimeInterval(-86_400 * 30), end: now.addingTimeInterval(86_400))
        let eastFromCity = try await city.commune(east).figures(for: year)
        #expect(eastFromCity == (try await eastStore.figures(for: year)))
        #expect(eastFromCity.courses.map(\.courseID) == ["khoa"])
        #expect(try await city.commune(west).figures(for: year) == (try await westStore.figures(for: year)))
        #expect(try await city.commune(west).units() == (try await westStore.units()))

        let west = west.value
        try await PostgresTestServer.withConnection(to: location) { connection in
            let logger = Logger(label: "tenancy-test")
            try await connection.query("BEGIN", logger: logger)
            try await connection.query("SET LOCAL ROLE hoctap_city", logger: logger)
            // Every commune's rows, with no commune set.
            let learners = try await connection.query("SELECT id FROM learner ORDER BY id", logger: logger).collect()
                .map { try $0.decode(Int64.self) }
            #expect(learners == [lan.id, hung.id])
            // Not a row written, in a reported table or any other; no table it is not given read.
            for statement: PostgresQuery in [
                "UPDATE learner SET display_name = 'x' WHERE id = \(hung.id)",
                "DELETE FROM activity_day",
                """
                INSERT INTO year_groups (commune_id, year, unit_id, category)
                VALUES (\(west), 2026, 'thon-1', 'nguoi-dan')
                """,
                "INSERT INTO quiz_closure (commune_id, quiz_id, closed_at) VALUES (\(west), 'q', now())",
                "SELECT COUNT(*) FROM staff_account",
                "SELECT COUNT(*) FROM attempt_answer",
                // Nor the write functions of migrations 007 and 009 (the submission one takes the app role itself).
                "SELECT hoctap_add_activity(\(hung.id), 'khoa', 'thon-1', 'nguoi-dan', now())",
                "SELECT hoctap_add_completion(\(hung.id), 'khoa', 90, 'thon-1', 'nguoi-dan', now())",
                "SELECT hoctap_fill_basic_level_reach()",
                """
                SELECT * FROM hoctap_record_attempt(\(west), 'x-1', \(hung.id), 'khoa', 1, 'khoa/quiz', true, 1, now(),
                    now(), 1, 1, 1, 100, 80, true, NULL, ARRAY['q'], ARRAY['h'], ARRAY[''], ARRAY[1]::bigint[],
                    ARRAY[1]::bigint[])
                """,
            ] {
                try await connection.query("SAVEPOINT attempt", logger: logger)
                do {
                    try await connection.query(statement, logger: logger)
                    Issue.record("the city role was allowed: \(statement.sql)")
                } catch let error as PSQLError {
                    #expect(error.serverInfo?[.sqlState] == "42501", "\(statement.sql)")
                }
                try await connection.query("ROLLBACK TO SAVEPOINT attempt", logger: logger)
            }
            try await connection.query("ROLLBACK", logger: logger)

            // The city's policies are the city role's alone: a commune's role still sees its own rows only.
            try await connection.query("BEGIN", logger: logger)
            try await connection.query("SET LOCAL ROLE hoctap_app", logger: logger)
            try await connection.query("SELECT set_config('app.commune', 'xa-dong', true)", logger: logger)
            for table in ["learner", "activity_day", "year_groups", "year_figures", "learner_year"] {
                let seen = try await connection.query(PostgresQuery(unsafeSQL: """
                    SELECT COUNT(*) FILTER (WHERE commune_id <> 'xa-dong'), COUNT(*) FROM \(table)
                    """), logger: logger).collect().first?.decode((Int, Int).self)
                #expect(seen?.0 == 0 && (seen?.1 ?? 0) > 0, "\(table)")
            }
            try await connection.query("ROLLBACK", logger: logger)
        }
        // The communes' own stores still see their own learners only.
        #expect(try await eastStore.learners(unitID: nil).map(\.id) == [lan.id])
        #expect(try await westStore.learner(id: lan.id) == nil)
        try await PostgresTestServer.drop(location)
    }
}
