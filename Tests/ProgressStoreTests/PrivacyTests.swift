import Foundation
import GRDB
import LearningCore
import ProgressStore
import Testing
import TestSupport

@Suite("Secrets and a person's right to be forgotten")
struct PrivacyTests {
    @Test func pinAndPasswordHashesAreNeverTheSecretAndVerify() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register(pin: "482913")
        _ = try await fixture.database.createStaffAccount(
            username: "admin", displayName: "Quản trị", password: "Mat-khau-Rat-Dai-2026", role: .admin, unitID: nil,
            at: fixture.clock.now())
        let queue = try DatabaseQueue(path: fixture.path)
        let (pinHash, passwordHash) = try await queue.read { db in
            (try String.fetchOne(db, sql: "SELECT pinHash FROM learner WHERE id = ?", arguments: [learner.id]),
             try String.fetchOne(db, sql: "SELECT passwordHash FROM staffAccount WHERE username = 'admin'"))
        }
        try queue.close()
        let pin = try #require(pinHash)
        let password = try #require(passwordHash)
        #expect(pin != "482913" && !pin.contains("482913"))
        #expect(password != "Mat-khau-Rat-Dai-2026" && !password.contains("Mat-khau"))
        #expect(pin.hasPrefix("$2"), "bcrypt")
        #expect(try await fixture.database.verifyPIN(learnerID: learner.id, pin: "482913"))
        #expect(!(try await fixture.database.verifyPIN(learnerID: learner.id, pin: "482914")))
        #expect(try await fixture.database.verifyStaffPassword(username: "admin", password: "Mat-khau-Rat-Dai-2026") != nil)
    }

    @Test func aDeletedLearnerLeavesNoPersonalDataInTheFileButTheTotalsStay() async throws {
        let fixture = try await StoreFixture()
        let name = "Vũ Thị Hồng Nhung"
        let phone = "0987654321"
        let learner = try await fixture.register(name, unit: "thon-2", phone: phone, pin: "735921")
        let other = try await fixture.register("Người ở lại", unit: "thon-2")
        for index in 0..<20 {
            _ = try await fixture.database.recordAttempt(fixture.attempt("x\(index)", learner: index < 12 ? learner.id : other.id))
        }
        try await fixture.database.recordLessonCompletion(learnerID: learner.id, courseID: "khoa-thu", lessonID: "01-a",
                                                          at: fixture.clock.now(), completing: nil)
        let pinHash = try await DatabaseQueue(path: fixture.path).read { db in
            try String.fetchOne(db, sql: "SELECT pinHash FROM learner WHERE id = ?", arguments: [learner.id])
        }
        let before = try await unitTotals(fixture.path)
        #expect(try fileBytes(fixture.path).contains(Data(name.utf8)), "the search can find the name while stored")

        try await fixture.database.anonymise(learnerID: learner.id, at: fixture.clock.now())

        let bytes = try fileBytes(fixture.path)
        for secret in [name, phone, try #require(pinHash)] {
            #expect(!bytes.contains(Data(secret.utf8)), "\(secret) is still in the database files")
        }
        #expect(try await unitTotals(fixture.path) == before)
        let anonymous = try #require(try await fixture.database.learner(id: learner.id))
        #expect(anonymous.displayName == nil && anonymous.phone == nil && anonymous.anonymisedAt != nil)
        #expect(anonymous.unitID == "thon-2" && anonymous.category == .citizens)
    }

    /// Learners, attempts and completions per unit, as a report counts them.
    private func unitTotals(_ path: String) async throws -> [String] {
        try await DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: """
                SELECT l.unitId || ':' || l.category || ':' || COUNT(DISTINCT l.id) || ':' || COUNT(a.id)
                FROM learner l LEFT JOIN attempt a ON a.learnerId = l.id GROUP BY l.unitId, l.category ORDER BY 1
                """)
        }
    }

    /// The database file with its WAL and shared-memory files, as one byte string.
    private func fileBytes(_ path: String) throws -> Data {
        var data = Data()
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            data.append(try Data(contentsOf: URL(fileURLWithPath: path + suffix)))
        }
        return data
    }
}
