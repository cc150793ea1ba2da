import CourseContent
import Foundation
import LearningCore
import Testing

/// `CourseLoader.load(folder:files:)`, the entry the fuzzing harness (Reliability/fuzz) loads courses through.
@Suite("Loading a course folder held in memory")
struct InMemoryLoadingTests {
    /// Every file of a folder by name; nil when it holds a folder, which a folder in memory cannot.
    static func files(of folder: URL) throws -> [String: Data]? {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { return nil }
            files[name] = try Data(contentsOf: url)
        }
        return files
    }

    /// A diagnostic without its folder, so loads under different display paths compare.
    static func located(_ diagnostic: Diagnostic) -> String {
        let file = (diagnostic.path as NSString).lastPathComponent
        return "\(file):\(diagnostic.line):\(diagnostic.column) \(diagnostic.code.rawValue) \(diagnostic.arguments)"
    }

    @Test(arguments: ["valid", "broken"])
    func memoryAndDiskAgree(group: String) throws {
        let root = FixturePaths.fixtures(group)
        let disk = CourseLoader().load(directory: root, displayPath: group)
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(!folders.isEmpty)
        var compared = 0
        for folder in folders {
            guard let files = try Self.files(of: root.appendingPathComponent(folder)) else { continue }
            compared += 1
            let memory = CourseLoader().load(folder: folder, files: files)
            let mine = disk.diagnostics.filter { $0.path.hasPrefix("\(group)/\(folder)/") }
            // Two folders with one id are each other's problem: one folder alone cannot show it.
            let duplicated = mine.contains { $0.code == .duplicateCourseID }
            #expect(memory.diagnostics.map(Self.located)
                == mine.filter { $0.code != .duplicateCourseID }.map(Self.located), "\(folder)")
            #expect(memory.rejectedFolders == (disk.rejectedFolders.contains(folder) && !duplicated ? [folder] : [])
                || duplicated, "\(folder)")
            #expect(memory.courses == disk.courses.filter { $0.id == folder } || duplicated, "\(folder)")
        }
        #expect(compared >= folders.count - 1, "only bad-unreadable-file (a folder named like a lesson) is skipped")
    }

    @Test func linksResolveAgainstTheFilesGivenOnly() throws {
        var files = try #require(try Self.files(of: FixturePaths.fixtures("valid").appendingPathComponent("mau")))
        // A file that exists on any Linux disk, but is not one of the course's files.
        files["02-otp.md"] = Data("---\ntitle: Mã OTP\nminutes: 4\n---\n\nXem [tệp](../../etc/hostname).\n".utf8)
        let result = CourseLoader().load(folder: "mau", files: files)
        #expect(result.diagnostics.map(\.code) == [.brokenLink])
        #expect(result.diagnostics.first?.arguments == ["../../etc/hostname"])
        #expect(result.rejectedFolders == ["mau"])
    }
}
