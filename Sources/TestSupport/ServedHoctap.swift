public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `hoctap serve` run as a separate process on a free loopback port and a database file of the test's, which a
/// test can kill with SIGKILL and start again on the same file and port. Readiness is `GET /healthz` answering
/// 200, polled with a bound, so a server that never comes up fails the test instead of hanging it.
public final class ServedHoctap: @unchecked Sendable {
    /// The database file the server writes.
    public let databasePath: String
    /// The loopback port it listens on.
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public let baseURL: URL
    private let repositoryRoot: URL
    private let lock = NSLock()
    private var process: Process?
    private var startCount = 0
    /// How many times the server was started.
    public var starts: Int { lock.withLock { startCount } }

    /// A server for `databasePath` (not started), serving the repository's `Courses/` and `Content/`.
    public init(databasePath: String, repositoryRoot: URL) throws {
        self.databasePath = databasePath
        self.repositoryRoot = repositoryRoot
        port = try Self.freePort()
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Starts the server and waits until `/healthz` answers, at most `limit`.
    public func start(limit: Duration = .seconds(60)) async throws {
        let process = Process()
        process.executableURL = try HoctapExecutable.url()
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--db", databasePath,
                             "--courses", repositoryRoot.appendingPathComponent("Courses").path,
                             "--content", repositoryRoot.appendingPathComponent("Content").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        lock.withLock {
            self.process = process
            startCount += 1
        }
        try await waitUntilReady(process, limit: limit)
    }

    /// Kills the server with SIGKILL (no warning, no clean shutdown) and waits for it to be gone.
    public func kill() {
        guard let process = lock.withLock({ self.process }) else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Ends the server if it still runs (SIGKILL: the tests that use this look at the file as a crash leaves it).
    deinit {
        if let process, process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    private func waitUntilReady(_ process: Process, limit: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        var request = URLRequest(url: baseURL.appendingPathComponent("healthz"))
        request.timeoutInterval = 2
        while clock.now < deadline {
            guard process.isRunning else {
                throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey:
                    "hoctap serve exited with status \(process.terminationStatus) while starting"])
            }
            if let (_, response) = try? await URLSession.shared.data(for: request),
               (response as? HTTPURLResponse)?.statusCode == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey:
            "hoctap serve did not answer /healthz within \(limit)"])
    }

    /// A port nobody listens on now: bound to port 0, read back, released.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
