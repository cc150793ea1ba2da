import Foundation
import Testing
import TestSupport

/// `hoctap serve --database postgres://…` that cannot use the address says why in Vietnamese and exits 1: no
/// Swift type, no server text, no sending the administrator to the SQLite file.
@Suite("hoctap serve --database where the city database cannot be used")
struct ServeCityDatabaseTests {
    static func serve(_ arguments: [String]) throws -> (status: Int32, error: String) {
        try ServeListenTests.serve(["--port", "0"] + arguments)
    }

    /// What no message to a person may hold.
    static func expectNoDeveloperText(_ text: String) {
        for fragment in ["PSQLError", "Error(", "hoctap db check", "errno", "SQLSTATE"] {
            #expect(!text.contains(fragment), "\(fragment) in: \(text)")
        }
    }

    @Test(arguments: ["mysql://hoctap@127.0.0.1/hoctap", "postgres://127.0.0.1:5432/hoctap", "postgres://hoctap@127.0.0.1:5432/"])
    func anAddressThatIsNotPostgreSQLsIsNamedAsSuch(_ address: String) throws {
        let result = try Self.serve(["--database", address, "--commune", "xa-thu"])
        #expect(result.status == 1)
        #expect(result.error.contains("Địa chỉ cơ sở dữ liệu không đúng dạng postgres://"))
        Self.expectNoDeveloperText(result.error)
    }

    @Test func aServerThatDoesNotAnswerIsNamedWithItsAddress() throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let result = try Self.serve(["--database", "postgres://hoctap@127.0.0.1:1/hoctap", "--commune", "xa-thu"])
        #expect(result.status == 1)
        #expect(result.error.contains("Không kết nối được máy chủ PostgreSQL 127.0.0.1:1/hoctap"))
        Self.expectNoDeveloperText(result.error)
    }

    @Test func theCommuneIsRequiredAndMustBeACode() throws {
        let missing = try Self.serve(["--database", "postgres://hoctap@127.0.0.1:1/hoctap"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("cần cho biết mã xã, phường: --commune"))
        let wrong = try Self.serve(["--database", "postgres://hoctap@127.0.0.1:1/hoctap", "--commune", "Xã Thử"])
        #expect(wrong.status == 1)
        #expect(wrong.error.contains("Mã xã, phường \"Xã Thử\" không dùng được"))
        Self.expectNoDeveloperText(missing.error + wrong.error)
    }
}
