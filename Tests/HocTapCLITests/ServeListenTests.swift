import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `hoctap serve` where it cannot listen says why in Vietnamese and exits 1. The hostile-input run found a port
/// already taken answered with "unexpected error … run hoctap db check", which sent the administrator to the
/// database for a problem of the network.
@Suite("hoctap serve where it cannot listen")
struct ServeListenTests {
    static let content = ReadOnlyCommandTests.content
    static let courses = ReadOnlyCommandTests.courses

    static func serve(_ arguments: [String]) throws -> (status: Int32, error: String) {
        let folder = try ReadOnlyCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HoctapExecutable.run(["serve"] + arguments + [
            "--db", folder.appendingPathComponent("hoctap.sqlite").path, "--content", content, "--courses", courses,
        ])
        return (result.status, result.error)
    }

    @Test func aPortInUseIsNamedAsSuch() throws {
        #if canImport(Glibc)
        // A listening socket on a free loopback port, held for the test.
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socketFD >= 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(socketFD, socketAddress, length) == 0 && listen(socketFD, 1) == 0
                    && getsockname(socketFD, socketAddress, &length) == 0
            }
        }
        #expect(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try Self.serve(["--host", "127.0.0.1", "--port", String(port)])
        #expect(result.status == 1)
        #expect(result.error.contains("Không mở được máy chủ tại http://127.0.0.1:\(port): cổng này đang được một chương trình khác dùng"))
        #expect(!result.error.contains("hoctap db check"))
        #expect(!result.error.contains("Không nộp được các lượt làm bài hết giờ"), "no error logged on the way out")
        #endif
    }

    @Test func aHostThatIsNotThisMachinesIsNamedAsSuch() throws {
        // 203.0.113.0/24 is TEST-NET-3: never an address of this machine, so binding fails before any traffic.
        let result = try Self.serve(["--host", "203.0.113.9", "--port", "8080"])
        #expect(result.status == 1)
        #expect(result.error.contains("203.0.113.9 không phải là địa chỉ của máy này"))
        #expect(!result.error.contains("hoctap db check"))
    }
}
