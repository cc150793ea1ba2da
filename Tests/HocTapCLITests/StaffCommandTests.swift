import Foundation
import LearningCore
import ProgressStore
import Testing
import TestSupport

/// `hoctap staff …` run as the real binary, the password given on standard input as a script gives it.
@Suite("Staff accounts at the console")
struct StaffCommandTests {
    static let content = ReadOnlyCommandTests.content

    /// A fresh folder with a database path in it, removed at the end of the test.
    final class Folder {
        let url: URL
        var database: String { url.appendingPathComponent("hoctap.sqlite").path }

        init() throws { url = try ReadOnlyCommandTests.temporaryFolder() }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// The `hoctap` executable built beside the test bundle (or `HOCTAP_BINARY`).
    static func executable() throws -> URL { try HoctapExecutable.url() }

    /// Runs `hoctap staff arguments --db … --content …` with `input` on standard input (a pipe, not a terminal).
    static func staff(_ arguments: [String], input: String = "", in folder: Folder) throws
        -> (status: Int32, output: String, errors: String)
    {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["staff"] + arguments + ["--db", folder.database, "--content", content]
        process.currentDirectoryURL = folder.url
        let stdin = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// The staff use cases over the file the commands wrote.
    static func service(_ folder: Folder) throws -> StaffService {
        StaffService(repository: try AppDatabase(path: folder.database), clock: SystemWallClock())
    }

    @Test func theFirstAdministratorIsCreatedWithAPasswordFromStandardInputAndCanSignIn() async throws {
        let folder = try Folder()
        let added = try Self.staff(["add", "Admin", "--role", "admin", "--name", "Nguyễn Văn Quản"],
                                   input: "mat khau rat dai 2026\nthua\n", in: folder)
        #expect(added.status == 0, "\(added.errors)")
        #expect(added.output.contains("Đã tạo tài khoản admin (Quản trị)"), "\(added.output)")
        let service = try Self.service(folder)
        let admin = try await service.signIn(username: "admin", password: "mat khau rat dai 2026", clientKey: "test")
        #expect(admin.role == .admin && admin.accountID != nil)
        await #expect(throws: LearningError(.staffSignInFailed)) {
            _ = try await service.signIn(username: "admin", password: "thua", clientKey: "test")
        }
        let log = try await service.auditLog(admin)
        #expect(log.map(\.action) == [.createStaffAccount] && log.first?.staffName == "console")
        #expect(log.first?.detail == "admin:quan-tri")
    }

    @Test func listShowsRolesInVietnameseAndTheStateButNeverAHash() async throws {
        let folder = try Folder()
        let none = try Self.staff(["add", "quantri", "--role", "admin"], input: "", in: folder)
        #expect(none.status != 0 && none.errors.contains("đầu vào chuẩn trống"), "\(none.errors)")
        #expect(try Self.staff(["list"], in: folder).output.contains("Chưa có tài khoản cán bộ nào"))
        for (name, role, unit) in [("quantri", "quan-tri", nil), ("canbo", "commune", nil),
                                   ("thuky", "clerk", "thon-1"), ("thuky2", "can-bo-don-vi", "thon-2")] {
            let run = try Self.staff(["add", name, "--role", role] + (unit.map { ["--unit", $0] } ?? []),
                                     input: "mat-khau-dai-2026\n", in: folder)
            #expect(run.status == 0, "\(name): \(run.errors)")
        }
        #expect(try Self.staff(["disable", "thuky2"], in: folder).output.contains("Đã khoá tài khoản thuky2"))
        let list = try Self.staff(["list"], in: folder)
        #expect(list.status == 0, "\(list.errors)")
        let lines = list.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "Tên đăng nhập\tHọ tên\tVai trò\tĐơn vị\tTrạng thái")
        #expect(lines.dropFirst().map { $0.split(separator: "\t").prefix(4).joined(separator: "|") } == [
            "canbo|canbo|Cán bộ xã|—", "quantri|quantri|Quản trị|—", "thuky|thuky|Cán bộ đơn vị|thon-1 (Thôn 1)",
            "thuky2|thuky2|Cán bộ đơn vị|thon-2 (Thôn 2)",
        ])
        #expect(lines[4].hasSuffix("\tđã khoá từ " + String(ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, formatOptions: [.withFullDate]))))
        #expect(lines[3].hasSuffix("\tđang dùng"))
        #expect(!list.output.contains("$2"), "no bcrypt hash")
        #expect(try Self.staff(["enable", "thuky2"], in: folder).output.contains("Đã mở khoá tài khoản thuky2"))
        #expect(try Self.staff(["disable", "thuky2", "--enable"], in: folder).output
                .contains("đang dùng được; không có gì thay đổi"))
        let service = try Self.service(folder)
        #expect(try await service.signIn(username: "thuky2", password: "mat-khau-dai-2026", clientKey: "t").unitID
                == "thon-2")
    }

    @Test func refusalsAreWordedInVietnameseAndExitNonZero() async throws {
        let folder = try Folder()
        let cases: [([String], String, String)] = [
            (["add", "thuky", "--role", "clerk"], "mat-khau-dai-2026\n", "cần có đơn vị"),
            (["add", "canbo", "--role", "commune", "--unit", "thon-1"], "mat-khau-dai-2026\n", "Chỉ tài khoản cán bộ đơn vị"),
            (["add", "thuky", "--role", "clerk", "--unit", "thon-99"], "mat-khau-dai-2026\n", "Không có đơn vị \"thon-99\""),
            (["add", "thuky", "--role", "thu-ky"], "mat-khau-dai-2026\n", "Vai trò \"thu-ky\" không có"),
            (["add", "thuky", "--role", "admin"], "ngan\n", "ít nhất 10 ký tự"),
            (["add", "Nguyễn", "--role", "admin"], "mat-khau-dai-2026\n", "Tên đăng nhập \"Nguyễn\" không dùng được"),
            (["disable", "khong-co"], "", "Không có tài khoản cán bộ \"khong-co\""),
            (["reset-password", "khong-co"], "mat-khau-dai-2026\n", "Không có tài khoản cán bộ \"khong-co\""),
        ]
        _ = try Self.staff(["add", "quantri", "--role", "admin"], input: "mat-khau-dai-2026\n", in: folder)
        for (arguments, input, message) in cases {
            let run = try Self.staff(arguments, input: input, in: folder)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.errors.contains(message), "\(arguments): \(run.errors)")
            #expect(!run.errors.contains("Error") && !run.errors.contains("ProgressError"), "\(run.errors)")
        }
        let duplicate = try Self.staff(["add", "QuanTri", "--role", "admin"], input: "mat-khau-dai-2026\n", in: folder)
        #expect(duplicate.status != 0 && duplicate.errors.contains("Tên đăng nhập \"quantri\" đã có người dùng"))
        let accounts = try await Self.service(folder).accounts(.console)
        #expect(accounts.map(\.username) == ["quantri"], "no refused command created anything")
    }

    @Test func resetPasswordReplacesThePasswordAndIsLogged() async throws {
        let folder = try Folder()
        _ = try Self.staff(["add", "thuky", "--role", "clerk", "--unit", "thon-1"], input: "mat-khau-dai-2026\n",
                           in: folder)
        let reset = try Self.staff(["reset-password", "ThuKy"], input: "mat-khau-moi-2027\n", in: folder)
        #expect(reset.status == 0 && reset.output.contains("Đã đặt lại mật khẩu cho tài khoản thuky"), "\(reset.errors)")
        let service = try Self.service(folder)
        await #expect(throws: LearningError(.staffSignInFailed)) {
            _ = try await service.signIn(username: "thuky", password: "mat-khau-dai-2026", clientKey: "t")
        }
        #expect(try await service.signIn(username: "thuky", password: "mat-khau-moi-2027", clientKey: "t").name == "thuky")
        #expect(try await service.auditLog(.console).first?.action == .resetStaffPassword)
    }
}
