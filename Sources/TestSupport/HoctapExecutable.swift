public import Foundation

/// The `hoctap` executable that tests run as a separate process: `HOCTAP_BINARY` when set, else the one the
/// package built beside the test bundle (test targets that run it depend on the `hoctap` product).
public enum HoctapExecutable {
    /// Its location; throws when there is none (the test then fails, it is not skipped).
    public static func url() throws -> URL {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["HOCTAP_BINARY"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let bundle = Bundle.main.bundleURL
        candidates += [bundle.appendingPathComponent("hoctap"),
                       bundle.deletingLastPathComponent().appendingPathComponent("hoctap")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: ", ")])
        }
        return found
    }

    /// Runs `hoctap` with `arguments` to its end: its exit status, standard output and standard error (small
    /// outputs: the two pipes are read one after the other).
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: Data, error: String) {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data, String(decoding: message, as: UTF8.self))
    }
}
