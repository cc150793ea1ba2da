import Foundation
import LearningCore
import ProgressStore
import Testing
import TestSupport

/// The short version of the reliability suite's parts 2 and 3 (Reliability/load), inside `make test`: a real
/// `hoctap serve` on loopback, ten kiosks through the JSON API with submissions sent twice, then SIGKILLs at
/// random moments under that load and restarts on the same file; afterwards the file is read as the last kill
/// left it.
@Suite(.serialized)
struct ServeUnderLoadTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let courseID = "ky-nang-so-co-ban"

    @Test(.timeLimit(.minutes(3)))
    func tenKiosksThenThreeKillsLoseNoAcknowledgedSubmissionAndDuplicateNone() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServedHoctap(databasePath: folder.appendingPathComponent("hoctap.sqlite").path,
                                      repositoryRoot: Self.repositoryRoot)
        try await server.start()

        let visitor = APIKiosk(base: server.baseURL, name: "", unitID: "", pin: "")
        let units = try await visitor.unitIDs()
        let checks = try await visitor.lessonCheckIDs(courseID: Self.courseID)
        #expect(checks.count >= 3 && !units.isEmpty)
        let kiosks = (0..<10).map { index in
            APIKiosk(base: server.baseURL, name: "Người thử máy \(index + 1)", unitID: units[index % units.count],
                     pin: "\(4100 + index)")
        }

        // Ten kiosks at once, five submissions each, every second one sent twice with the same id.
        var acknowledged = try await withThrowingTaskGroup(of: [APIKiosk.Acknowledged].self) { group in
            for (index, kiosk) in kiosks.enumerated() {
                group.addTask {
                    try await kiosk.register(category: "nguoi-dan")
                    var done: [APIKiosk.Acknowledged] = []
                    for number in 0..<5 {
                        done.append(try await kiosk.submit(
                            courseID: Self.courseID, quizID: checks[number % checks.count],
                            submissionID: "k\(index)-\(number)", twice: number % 2 == 1))
                    }
                    return done
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(acknowledged.count == 50)

        // The same kiosks go on while the server is killed three times at random moments and restarted; each
        // retries what was not acknowledged with the same submission id, until it has five more and the kills
        // are over.
        let killer = Task {
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 300...900)))
                server.kill()
                try await server.start()
            }
        }
        acknowledged += try await withThrowingTaskGroup(of: [APIKiosk.Acknowledged].self) { group in
            for (index, kiosk) in kiosks.enumerated() {
                group.addTask {
                    var done: [APIKiosk.Acknowledged] = []
                    var number = 5
                    while number < 60, done.count < 5 || server.starts < 4 {
                        done.append(try await kiosk.submit(
                            courseID: Self.courseID, quizID: checks[number % checks.count],
                            submissionID: "k\(index)-\(number)", twice: number % 3 == 0))
                        number += 1
                    }
                    return done
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        try await killer.value
        server.kill()
        #expect(server.starts == 4)
        var interrupted = 0
        for kiosk in kiosks {
            interrupted += await kiosk.interrupted
            #expect(await kiosk.unexpected == [])
        }
        #expect(interrupted > 0, "the kills cut requests under way")

        // The file as the last kill left it.
        let database = try AppDatabase.openExisting(path: server.databasePath, hashing: .fastForTests)
        let integrity = try await database.checkIntegrity()
        #expect(integrity.isHealthy, "\(integrity.integrityProblems) \(integrity.foreignKeyProblems)")
        var stored = 0
        for (index, kiosk) in kiosks.enumerated() {
            let learners = try await database.learners(unitID: kiosk.unitID, named: kiosk.name)
            let learner = try #require(learners.first)
            #expect(learners.count == 1)
            let mine = acknowledged.filter { $0.submissionID.hasPrefix("k\(index)-") }
            let attempts = try await database.personalData(learnerID: learner.id).attempts
            stored += attempts.count
            #expect(Set(attempts.map(\.id)) == Set(mine.map(\.attemptID)), "\(kiosk.name): stored = acknowledged")
            #expect(attempts.count == mine.count, "\(kiosk.name): one stored attempt per acknowledged submission")
            for ack in mine {
                let record = try #require(try await database.attempt(id: ack.attemptID))
                #expect(record.learnerID == learner.id && record.quizID == ack.quizID)
                #expect(record.result.percent == ack.percent && record.result.passed == ack.passed)
            }
            // A draft left open is one this kiosk started, never another learner's.
            let started = await kiosk.started
            for draft in try await database.openAttempts(learnerID: learner.id) {
                #expect(started.contains(draft.attemptID), "\(kiosk.name) holds a draft it never started")
                #expect(!attempts.contains { $0.id == draft.attemptID }, "an attempt both stored and open")
            }
        }
        #expect(stored == acknowledged.count)
        #expect(Set(acknowledged.map(\.submissionID)).count == acknowledged.count)
    }
}
