import CMarkGFM
import Dispatch
public import Foundation
public import LearningCore

/// Loads every course below a `Courses/` folder. Never throws and never stops at a bad file: each problem
/// becomes a `Diagnostic`, and a course with errors is left out of the catalogue while the others load.
public struct CourseLoader: Sendable {
    static let courseKeys: Set<String> = [
        "id", "title", "summary", "audience", "contents", "competences", "level", "minutes", "pass_mark",
        "version", "language",
    ]
    static let lessonKeys: Set<String> = ["title", "minutes", "required", "check"]
    static let quizKeys: Set<String> = QuizSettingsReader.keys.union(["title"])
    /// A lesson's check starts at a level-1 heading beginning with these words.
    static let checkHeadingPrefix = "kiểm tra"

    public init() {}

    /// Loads all course folders in `directory`. `displayPath` is how the folder is named in diagnostics.
    /// A folder that itself holds `course.md` is loaded as that one course.
    public func load(directory: URL, displayPath: String) -> CourseLoadResult {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: directory.appendingPathComponent("course.md").path) {
            let parent = (displayPath as NSString).deletingLastPathComponent
            return load(folders: [directory.lastPathComponent], in: directory.deletingLastPathComponent(),
                        displayPath: parent.isEmpty ? "." : parent)
        }
        let folders = ((try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .filter { var isDirectory: ObjCBool = false
                return fileManager.fileExists(atPath: directory.appendingPathComponent($0).path,
                                              isDirectory: &isDirectory) && isDirectory.boolValue }
            .sorted()
        return load(folders: folders, in: directory, displayPath: displayPath)
    }

    /// Loads one course folder held in memory: `files` maps each file name (`course.md`, `01-bai.md`, `quiz.md`)
    /// to its bytes, and links resolve against those names only. For the fuzzing harness and tests that need
    /// no disk; the checks are the ones `load(directory:displayPath:)` makes.
    package func load(folder: String, files: [String: Data]) -> CourseLoadResult {
        cmark_gfm_core_extensions_ensure_registered()
        var courseLoad = CourseFolderLoader(
            url: URL(fileURLWithPath: "/\(folder)"), displayPath: folder, folder: folder, memoryFiles: files)
        let course = courseLoad.load()
        let diagnostics = courseLoad.diagnostics.sorted()
        let hasErrors = diagnostics.contains { $0.severity == .error }
        if let course, !hasErrors {
            return CourseLoadResult(courses: [course], rejectedFolders: [], diagnostics: diagnostics)
        }
        return CourseLoadResult(courses: [], rejectedFolders: [folder], diagnostics: diagnostics)
    }

    private func load(folders: [String], in directory: URL, displayPath: String) -> CourseLoadResult {
        // Folders are independent: load them on every core, then merge in folder order.
        cmark_gfm_core_extensions_ensure_registered()
        let slots = LoadSlots(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            let folder = folders[index]
            var courseLoad = CourseFolderLoader(
                url: directory.appendingPathComponent(folder), displayPath: "\(displayPath)/\(folder)", folder: folder)
            let course = courseLoad.load()
            slots.store((folder, course, courseLoad.diagnostics, courseLoad.idPosition), at: index)
        }
        var loaded = slots.values
        // Two folders declaring one id: each is reported against the other, and neither is served.
        var foldersByID: [String: [Int]] = [:]
        for (index, entry) in loaded.enumerated() {
            if let id = entry.course?.id { foldersByID[id, default: []].append(index) }
        }
        var duplicated: Set<Int> = []
        for (id, indexes) in foldersByID where indexes.count > 1 {
            duplicated.formUnion(indexes)
            for index in indexes {
                guard let position = loaded[index].idPosition else { continue }
                let others = indexes.filter { $0 != index }.map { loaded[$0].folder }.joined(separator: ", ")
                loaded[index].diagnostics.append(Diagnostic(
                    path: position.path, line: position.line, column: position.column,
                    code: .duplicateCourseID, arguments: [id, others]))
            }
        }
        var courses: [Course] = []
        var rejected: [String] = []
        for (index, entry) in loaded.enumerated() {
            let hasErrors = entry.diagnostics.contains { $0.severity == .error }
            if let course = entry.course, !hasErrors, !duplicated.contains(index) {
                courses.append(course)
            } else {
                rejected.append(entry.folder)
            }
        }
        return CourseLoadResult(
            courses: courses.sorted { $0.id < $1.id }, rejectedFolders: rejected,
            diagnostics: loaded.flatMap(\.diagnostics).sorted())
    }
}

/// One result slot per course folder, filled from concurrent loads.
private final class LoadSlots: @unchecked Sendable {
    typealias Loaded = (folder: String, course: Course?, diagnostics: [Diagnostic], idPosition: Diagnostic?)
    private let lock = NSLock()
    private var slots: [Loaded?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ value: Loaded, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    var values: [Loaded] {
        lock.withLock { slots.compactMap { $0 } }
    }
}
