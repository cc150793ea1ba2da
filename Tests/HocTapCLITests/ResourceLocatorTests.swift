import CourseContent
import Foundation
@testable import HocTapCLI
import Testing

@Suite("Finding Content/ and Courses/")
struct ResourceLocatorTests {
    /// A temporary tree: `flag/`, `env/`, `cwd/`, and `install/bin/hoctap`, each holding `Content/` and `Courses/`
    /// as asked.
    final class Tree {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-locate-\(UUID().uuidString)")
            for folder in ["flag", "env", "cwd", "install/bin"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder),
                                                        withIntermediateDirectories: true)
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func url(_ path: String) -> URL { root.appendingPathComponent(path).standardizedFileURL }

        /// Makes `where/Content` (with `campaign.yaml`) and `where/Courses`.
        func resources(in place: String) throws {
            try FileManager.default.createDirectory(at: url("\(place)/Content/strings"), withIntermediateDirectories: true)
            try Data("units: []\n".utf8).write(to: url("\(place)/Content/campaign.yaml"))
            try FileManager.default.createDirectory(at: url("\(place)/Courses"), withIntermediateDirectories: true)
        }

        func locator(environment: Bool) -> ResourceLocator {
            ResourceLocator(
                environment: environment
                    ? ["HOCTAP_CONTENT": url("env/Content").path, "HOCTAP_COURSES": url("env/Courses").path] : [:],
                workingDirectory: url("cwd"), executableURL: url("install/bin/hoctap"))
        }
    }

    @Test(arguments: ResourceLocator.Resource.allCases)
    func flagThenEnvironmentThenWorkingDirectoryThenExecutable(resource: ResourceLocator.Resource) throws {
        let tree = try Tree()
        for place in ["flag", "env", "cwd", "install"] { try tree.resources(in: place) }
        let name = resource.rawValue
        let flag = tree.url("flag/\(name)").path

        #expect(try tree.locator(environment: true).locate(resource, flag: flag).url == tree.url("flag/\(name)"))
        #expect(try tree.locator(environment: true).locate(resource, flag: nil).url == tree.url("env/\(name)"))
        let fromWorkingDirectory = try tree.locator(environment: false).locate(resource, flag: nil)
        #expect(fromWorkingDirectory.url == tree.url("cwd/\(name)"))
        #expect(fromWorkingDirectory.displayPath == name, "named as typed in the working directory")

        try FileManager.default.removeItem(at: tree.url("cwd/\(name)"))
        // install/bin/hoctap: its folder is install/bin, whose parent install/ holds the resources.
        #expect(try tree.locator(environment: false).locate(resource, flag: nil).url == tree.url("install/\(name)"))
    }

    @Test func aFlagOrVariableNamingNoFolderIsAnErrorNotAFallback() throws {
        let tree = try Tree()
        try tree.resources(in: "cwd")
        let missing = tree.url("flag/khong-co").path
        #expect(throws: ResourceLocator.Failure.missing(path: missing, source: "--content")) {
            try tree.locator(environment: false).locate(.content, flag: missing)
        }
        // The variable names folders that do not exist (env/ holds nothing).
        #expect(throws: ResourceLocator.Failure.missing(path: tree.url("env/Courses").path, source: "HOCTAP_COURSES")) {
            try tree.locator(environment: true).locate(.courses, flag: nil)
        }
    }

    @Test func whenNothingIsFoundItSaysWhereItLookedInVietnamese() throws {
        let tree = try Tree()
        // A Content/ folder without campaign.yaml or strings/ is not taken for the real one.
        try FileManager.default.createDirectory(at: tree.url("cwd/Content"), withIntermediateDirectories: true)
        let failure = #expect(throws: ResourceLocator.Failure.self) {
            try tree.locator(environment: false).locate(.content, flag: nil)
        }
        guard case .notFound(.content, let searched) = failure else {
            Issue.record("expected notFound, got \(String(describing: failure))")
            return
        }
        #expect(searched.first == tree.url("cwd/Content").path)
        #expect(searched.contains(tree.url("install/bin/Content").path))
        #expect(searched.contains(tree.url("install/Content").path))
        #expect(searched.count <= 1 + 1 + ResourceLocator.executableAncestors, "cwd, then the binary's folder and four above")
        let line = try #require(failure).message(.bundled)
        #expect(line.hasPrefix("Không tìm thấy thư mục Content/"))
        #expect(line.contains(tree.url("cwd/Content").path))
    }

    @Test func theExecutableSearchStopsFourFoldersUp() throws {
        let tree = try Tree()
        try tree.resources(in: "install")
        let deep = ResourceLocator(environment: [:], workingDirectory: tree.url("cwd"),
                                   executableURL: tree.url("install/a/b/c/d/e/hoctap"))
        #expect(throws: ResourceLocator.Failure.self, "install/ is five folders above e/") {
            try deep.locate(.content, flag: nil)
        }
        let near = ResourceLocator(environment: [:], workingDirectory: tree.url("cwd"),
                                   executableURL: tree.url("install/a/b/c/d/hoctap"))
        #expect(try near.locate(.content, flag: nil).url == tree.url("install/Content"))
    }
}
