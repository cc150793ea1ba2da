import ArgumentParser
import CourseContent
import Foundation

/// Where the bundled `Content/` folder is, shared by every command that prints UI strings.
struct ContentOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: "Thư mục Content/ (chuỗi giao diện, cấu hình chiến dịch).")
    var contentDirectory: String = ProcessInfo.processInfo.environment["HOCTAP_CONTENT"] ?? "Content"

    /// The Vietnamese strings; keys alone if the folder cannot be read (the command still works).
    func messages() -> MessageCatalog {
        (try? MessageCatalog(contentDirectory: URL(fileURLWithPath: contentDirectory))) ?? .keysOnly
    }
}
