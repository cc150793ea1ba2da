import Foundation
import Testing
import TestSupport

/// `hoctap learn` as a person runs it: the built binary on a pseudo-terminal (`script` from util-linux), over a
/// temporary SQLite file and the bundled Courses/.
@Suite("hoctap learn on a pseudo-terminal", .serialized)
struct PseudoTerminalTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `hoctap` executable built beside the test bundle.
    static func hoctapExecutable() throws -> URL { try HoctapExecutable.url() }

    /// A running `script -qfec "hoctap learn …"`: what it printed so far, and keys sent to it.
    final class Run: @unchecked Sendable {
        let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private let lock = NSLock()
        private var buffer = Data()

        init(_ arguments: [String]) throws {
            let command = try ([PseudoTerminalTests.hoctapExecutable().path] + arguments)
                .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qfec", command, "/dev/null"]
            var environment = ProcessInfo.processInfo.environment
            environment["COLUMNS"] = "100"
            environment["LINES"] = "24"
            environment["NO_COLOR"] = nil
            environment["TERM"] = "xterm"
            process.environment = environment
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.withLock { self.buffer.append(data) }
            }
            try process.run()
        }

        var text: String { lock.withLock { String(decoding: buffer, as: UTF8.self) } }

        func send(_ keys: String) {
            input.fileHandleForWriting.write(Data(keys.utf8))
        }

        /// Waits until the output holds `part` `count` times (or fails after 20 s).
        func waitFor(_ part: String, count: Int = 1) async throws {
            for _ in 0..<400 {
                if text.components(separatedBy: part).count - 1 >= count { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("waited in vain for \(part)\n--- output ---\n\(text)")
            throw CancellationError()
        }

        /// Waits for the end and returns the exit status.
        func finish() async throws -> Int32 {
            for _ in 0..<400 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            output.fileHandleForReading.readabilityHandler = nil
            return process.terminationStatus
        }
    }

    @Test("Register, page through a lesson, Ctrl-C mid-quiz keeps the answer; the next session resumes it; progress shows it")
    func sessionOnPseudoTerminal() async throws {
        // util-linux's script ships in Debian's essential bsdutils: its absence is a broken machine, not a reason to pass.
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) from util-linux is needed")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = ["--db", folder.appendingPathComponent("hoctap.sqlite").path,
                       "--courses", Self.root.appendingPathComponent("Courses").path,
                       "--content", Self.root.appendingPathComponent("Content").path]
        let name = "Trần Văn Bình"
        let pin = "2468"

        // First session: register, read the first lesson page by page, answer one question, Ctrl-C.
        let first = try Run(["learn"] + options)
        try await first.waitFor("Chọn (0–3):")
        first.send("2\n")
        try await first.waitFor("Đơn vị của bạn")
        first.send("thon 1\n")
        try await first.waitFor("Họ và tên")
        first.send(name + "\n")
        try await first.waitFor("đối tượng nào")
        first.send("5\n")
        try await first.waitFor("Chọn mã PIN")
        first.send(pin + "\n")
        try await first.waitFor("Gõ lại mã PIN")
        first.send(pin + "\n")
        try await first.waitFor("bắt buộc để đăng ký")
        first.send("c\n")
        try await first.waitFor("không bắt buộc")
        first.send("k\n")
        try await first.waitFor("Chọn số khoá học")
        first.send("1\n")
        try await first.waitFor("Chọn:")
        first.send("\n")
        // Space for the next page, once `b` back, until the last page.
        var prompts = 1
        while true {
            try await first.waitFor("— Trang ", count: prompts)
            if first.text.contains("trang cuối") { first.send(" "); break }
            first.send(prompts == 2 ? "b" : " ")
            prompts += 1
        }
        try await first.waitFor("Làm ngay?")
        first.send("k\n")
        try await first.waitFor("Chọn:", count: 2)
        first.send("K\n")
        try await first.waitFor("Câu 1/")
        first.send("1\n")
        try await first.waitFor("Câu 2/")
        first.send("\u{03}")
        let interrupted = try await first.finish()
        #expect(interrupted == 130)
        #expect(first.text.contains("Các câu đã trả lời đều đã được lưu"))
        #expect(first.text.contains("Đã đọc xong bài"))
        #expect(!first.text.contains(pin), "the PIN is not echoed")
        #expect(first.text.contains("\u{1B}["), "styles on a terminal")

        // Second session: sign in, the quiz resumes at question 2; end of input (Ctrl-D) keeps it open.
        let second = try Run(["learn"] + options)
        try await second.waitFor("Chọn (0–3):")
        second.send("1\n")
        try await second.waitFor("Đơn vị của bạn")
        second.send("thon 1\n")
        try await second.waitFor("Họ và tên")
        second.send(name + "\n")
        try await second.waitFor("Mã PIN")
        second.send(pin + "\n")
        try await second.waitFor("Chọn số khoá học")
        #expect(second.text.contains("Đã đọc 1/"))
        second.send("1\n")
        try await second.waitFor("Chọn:")
        second.send("K\n")
        try await second.waitFor("Câu 2/")
        #expect(second.text.contains("Tiếp tục bài làm dở: bạn đã trả lời 1/"))
        second.send("\u{04}")
        #expect(try await second.finish() == 3)
        #expect(second.text.contains("Các câu đã trả lời đều đã được lưu"))

        // Progress over a pipe: the PIN on standard input.
        let progress = Process()
        progress.executableURL = try Self.hoctapExecutable()
        progress.arguments = ["progress", "--unit", "thon-1", "--name", name] + options
        let input = Pipe()
        let output = Pipe()
        progress.standardInput = input
        progress.standardOutput = output
        try progress.run()
        input.fileHandleForWriting.write(Data((pin + "\n").utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        progress.waitUntilExit()
        #expect(progress.terminationStatus == 0)
        #expect(printed.contains("Tiến độ học tập của \(name)"))
        #expect(printed.contains("Đã đọc 1/"))
        #expect(!printed.contains("\u{1B}"))
    }

    @Test("hoctap staff add on a terminal: the password typed twice, never echoed; a mismatch creates nothing")
    func staffPasswordOnPseudoTerminal() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) from util-linux is needed")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = ["--db", folder.appendingPathComponent("hoctap.sqlite").path,
                       "--content", Self.root.appendingPathComponent("Content").path]
        let password = "Mật khẩu rất dài 2026"

        let mismatch = try Run(["staff", "add", "quantri", "--role", "admin"] + options)
        try await mismatch.waitFor("Mật khẩu (không hiện khi gõ):")
        mismatch.send(password + "\n")
        try await mismatch.waitFor("Nhập lại mật khẩu:")
        mismatch.send("mot mat khau khac\n")
        #expect(try await mismatch.finish() == 1)
        #expect(mismatch.text.contains("Hai lần nhập mật khẩu không giống nhau"))

        let short = try Run(["staff", "add", "quantri", "--role", "admin"] + options)
        try await short.waitFor("Mật khẩu (không hiện khi gõ):")
        short.send("q1w2e3\n")
        #expect(try await short.finish() == 1)
        #expect(short.text.contains("ít nhất 10 ký tự") && !short.text.contains("Nhập lại"), "said before asking again")

        let run = try Run(["staff", "add", "quantri", "--role", "admin"] + options)
        try await run.waitFor("Mật khẩu (không hiện khi gõ):")
        run.send(password + "\n")
        try await run.waitFor("Nhập lại mật khẩu:")
        run.send(password + "\n")
        try await run.waitFor("Đã tạo tài khoản quantri")
        #expect(try await run.finish() == 0)
        let everything = mismatch.text + short.text + run.text
        #expect(!everything.contains("rất dài") && !everything.contains("q1w2e3") && !everything.contains("khac"),
                "no password is echoed")
        let list = try Run(["staff", "list"] + options)
        #expect(try await list.finish() == 0)
        #expect(list.text.components(separatedBy: "quantri").count == 3, "one account: \(list.text)")
    }
}
