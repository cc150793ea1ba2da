import CourseContent
import Foundation
import LearningCore
import PostgresNIO
import PostgresStore
import PostgresTestSupport
import Testing
import TestSupport

/// The city's reports run under a login of their own that is a member of `hoctap_city` alone (not of the
/// migrating login's roles): it opens the migrated database without changing it, reads every commune's reports,
/// and PostgreSQL refuses it every write, the app's role and creating a table (PostgreSQL 15 gives no one CREATE
/// on the public schema by default).
@Suite("A login of the city's reporting role alone",
       .enabled(if: PostgresTestServer.isAvailable, Comment(rawValue: PostgresTestServer.skipReason)))
struct CityReadingLoginTests {
    let commune = CommuneID("xa-doc")!
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let logger = Logger(label: "city-login-test")

    @Test func readsTheReportsOfAMigratedDatabaseAndIsRefusedEveryWrite() async throws {
        let location = try await PostgresTestServer.freshDatabase()
        let store = try await PostgresStore(location: location, commune: commune, hashing: .fastForTests)
        defer { store.shutdown() }
        try await store.saveUnits(CourseFixtures.units)
        let lan = try await store.register(
            NewLearner(displayName: "Nguyễn Thị Lan", unitID: "thon-1", category: .citizens, pin: "2468"), at: now)
        try await store.recordLessonVisit(learnerID: lan.id, courseID: "khoa", lessonID: "01", at: now)
        #expect(try await store.keepBasicLevel([.citizens: ["khoa"]]))
        let (login, reader) = try await cityLogin(for: location)
        do {
            let city = try await PostgresCityReports(location: reader)
            defer { city.shutdown() }
            #expect(try await city.communes() == [commune])
            let period = ReportingPeriod(start: now.addingTimeInterval(-86_400), end: now.addingTimeInterval(86_400))
            let figures = try await city.commune(commune).figures(for: period)
            #expect(figures == (try await store.figures(for: period)))
            #expect(figures.groups.map(\.figures.active) == [1])
            // The coverage, award and unit award reads of a whole year, from the completions' rollups it may read.
            let year = ReportingPeriod.year(2026, deadline: (12, 10), timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
            let reports = city.commune(commune)
            #expect(try await reports.basicLevelReached(category: .citizens, courseIDs: ["khoa"], period: year).isEmpty)
            #expect(try await reports.awardCandidates(period: year, minimumCourses: 1, minimumAverage: 0).named.isEmpty)
            #expect(try await reports.learnersCompleting(courseIDs: ["khoa"], period: year).isEmpty)
            try await PostgresTestServer.withConnection(to: reader) { connection in
                for statement: PostgresQuery in [
                    "SET ROLE hoctap_app",
                    "UPDATE learner SET display_name = 'x'",
                    "INSERT INTO schema_migrations (id) VALUES ('999-x')",
                    "CREATE TABLE x (id int)",
                ] {
                    do {
                        try await connection.query(statement, logger: logger)
                        Issue.record("the city's login was allowed: \(statement.sql)")
                    } catch let error as PSQLError {
                        #expect(error.serverInfo?[.sqlState] == "42501", "\(statement.sql)")
                    }
                }
            }
            // A commune's store is not opened with it, at once and saying why: it may not take the app's role.
            let refusal = await #expect(throws: PostgresStoreError.self) {
                let refused = try await PostgresStore(location: reader, commune: commune, hashing: .fastForTests)
                refused.shutdown()
            }
            #expect(refusal?.kind == .roleNotGranted && refusal?.messageArguments == [login, "hoctap_app"])
            let message = MessageCatalog.bundled.text(refusal?.messageKey ?? "", refusal?.messageArguments ?? [])
            #expect(message.hasPrefix("Người dùng PostgreSQL \(login) chưa được cấp vai trò hoctap_app,"))
            #expect(message.hasSuffix("GRANT hoctap_app TO \(login);"))
        } catch {
            Issue.record(error)
        }
        try await PostgresTestServer.drop(location)
        try await PostgresTestServer.dropLogin(login)
    }

    /// On a database no commune's server has migrated yet, the city's login is told what to do first (run a
    /// commune's server once with the owner's login), not PostgreSQL's refusal to create a table, and nothing is
    /// made in the database.
    @Test func isToldToLetACommuneServerPrepareADatabaseNotYetMigrated() async throws {
        try await PostgresTestServer.makeAppRoles()
        let location = try await PostgresTestServer.freshDatabase()
        let (login, reader) = try await cityLogin(for: location)
        let refusal = await #expect(throws: PostgresStoreError.self) {
            try await PostgresCityReports(location: reader).shutdown()
        }
        #expect(refusal?.kind == .cannotMigrate && refusal?.messageArguments == [location.place, login])
        let message = MessageCatalog.bundled.text(refusal?.messageKey ?? "", refusal?.messageArguments ?? [])
        #expect(message.hasPrefix("Cơ sở dữ liệu \(location.place) chưa được chuẩn bị cho phiên bản này"))
        #expect(message.contains("người dùng PostgreSQL \(login) không có quyền chuẩn bị (tạo bảng và vai trò)"))
        let untouched = try await PostgresTestServer.withConnection(to: location) { connection in
            try await connection.query("SELECT to_regclass('schema_migrations') IS NULL", logger: logger).collect()
                .first?.decode(Bool.self)
        }
        #expect(untouched == true)
        try await PostgresTestServer.drop(location)
        try await PostgresTestServer.dropLogin(login)
    }

    /// A new login that is a member of `hoctap_city` alone, and `location` reached through it.
    private func cityLogin(for location: PostgresLocation) async throws -> (String, PostgresLocation) {
        let login = try await PostgresTestServer.newLogin("hoctap_city_reader", granted: ["hoctap_city"])
        var reader = location
        reader.username = login
        reader.password = nil
        return (login, reader)
    }
}
