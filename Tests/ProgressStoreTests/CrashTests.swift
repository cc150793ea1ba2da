import Foundation
import LearningCore
import ProgressStore
import Testing
import TestSupport

@Suite("A crash in the middle of writing loses nothing acknowledged")
struct CrashTests {
    /// The `hoctap` executable built beside the test bundle.
    static func hoctapExecutable() throws -> URL { try HoctapExecutable.url() }

    @Test(arguments: [1, 3])
    func sigkillMidLoop(writers: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("hoctap.sqlite").path

        let process = Process()
        process.executableURL = try Self.hoctapExecutable()
        process.arguments = ["db", "write-probe", "--db", path, "--writers", String(writers), "--print-ids"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Read acknowledgements until enough have arrived, then kill the writer without warning.
        var acknowledged: [String] = []
        var buffer = Data()
        let reader = output.fileHandleForReading
        while acknowledged.count < 400 {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                acknowledged.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the writer was killed, not finished")
        #expect(acknowledged.count >= 400)

        let database = try AppDatabase(path: path, hashing: .fastForTests)
        #expect(try await database.checkIntegrity().isHealthy)
        var missing: [String] = []
        for id in acknowledged where try await database.attempt(id: id) == nil {
            missing.append(id)
        }
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.prefix(5))")
    }
}
