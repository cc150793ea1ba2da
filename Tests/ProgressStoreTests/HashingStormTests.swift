import Foundation
import LearningCore
import ProgressStore
import Testing

/// Many PINs hashed at once (a room of kiosks signing in after a restart) must not hold up the database reads
/// of everyone else: found by the reliability suite's load part, where a hundred sign-ins at once held a
/// learner's plain `GET /api/v1/me/progress` for the whole 15 to 50 seconds of hashing.
@Suite struct HashingStormTests {
    actor Log {
        var hashesDone = 0
        var hashesDoneWhenReadsEnded: Int?
        func hashed() { hashesDone += 1 }
        func readsEnded() { hashesDoneWhenReadsEnded = hashesDone }
    }

    @Test func aReadGoesThroughWhileNinetySixPINsAreHashed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-hash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase(path: folder.appendingPathComponent("hoctap.sqlite").path, hashing: .standard)
        try await database.saveUnits(StoreFixture.units)
        let learner = try await database.register(
            NewLearner(displayName: "Nguyễn Thị Lan", unitID: "thon-1", category: .citizens, pin: "2468"), at: Date())

        let log = Log()
        // Large enough that a busy machine's scheduler has room (the PostgreSQL suites run alongside since the city
        // database came; with 48, the reads once ended after 26), and a read held behind the hashes (the bug) still
        // ends only once nearly all 96 are done.
        let storm = 96
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<storm {
                group.addTask {
                    _ = try await database.verifyPIN(learnerID: learner.id, pin: "1357")
                    await log.hashed()
                }
            }
            group.addTask {
                // Let the hashes queue up first, then read as a learner's request would.
                try await Task.sleep(for: .milliseconds(100))
                #expect(try await database.learner(id: learner.id)?.displayName == "Nguyễn Thị Lan")
                #expect(try await database.units().count == StoreFixture.units.count)
                await log.readsEnded()
            }
            try await group.waitForAll()
        }
        let doneWhenReadsEnded = try #require(await log.hashesDoneWhenReadsEnded)
        #expect(await log.hashesDone == storm)
        // Two reads take milliseconds; the hashes take seconds, one per core at a time. Held behind the hashes, the
        // reads ended only once (nearly) all were done. The bound is three quarters: with every other suite
        // running alongside on two cores, a fresh-clone .ci/run saw the reads end after 54 of 96, where the
        // bug gives 96.
        #expect(doneWhenReadsEnded < storm * 3 / 4, "the reads waited for \(doneWhenReadsEnded) of \(storm) hashes")
    }
}
