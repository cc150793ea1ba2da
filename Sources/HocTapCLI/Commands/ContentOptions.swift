import ArgumentParser
import CourseContent
import Foundation

/// Where the `Content/` folder is (UI strings, campaign configuration), shared by every command that needs it.
/// Found by `ResourceLocator`: `--content`, then `HOCTAP_CONTENT`, then the working directory, then next to the
/// executable.
struct ContentOptions: ParsableArguments {
    @Option(name: .customLong("content"),
            help: "Thư mục Content/ (chuỗi giao diện, cấu hình chiến dịch). Mặc định: HOCTAP_CONTENT, rồi Content/ ở thư mục đang đứng hoặc cạnh chương trình.")
    var contentFlag: String?

    /// The `Content/` folder, or why there is none.
    func locate(_ locator: ResourceLocator = .current) throws(ResourceLocator.Failure) -> ResourceLocator.Found {
        try locator.locate(.content, flag: contentFlag)
    }

    /// The `Content/` folder, or a Vietnamese line on standard error and a non-zero exit.
    func directory() throws -> URL {
        do {
            return try locate().url
        } catch {
            printError(error.message(messages()))
            throw ExitCode(1)
        }
    }

    /// The Vietnamese strings of `Content/strings/vi.yaml`; the copy built into the program when the folder
    /// cannot be found or read, so a message never shows as a bare key.
    func messages() -> MessageCatalog {
        guard let folder = try? locate().url,
              let catalog = try? MessageCatalog(contentDirectory: folder)
        else { return .bundled }
        return catalog
    }
}
