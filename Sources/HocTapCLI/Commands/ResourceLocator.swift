import CourseContent
import Foundation

/// Finds the `Content/` and `Courses/` folders, in this order: the command's flag, then the environment
/// (`HOCTAP_CONTENT`, `HOCTAP_COURSES`), then the working directory, then next to the executable (its folder and
/// up to four folders above it, so `.build/release/hoctap` run from the repository, or a copied binary, finds the
/// repository's folders). A flag or variable naming a folder that does not exist is an error naming it, never a
/// silent fallback to the next place.
struct ResourceLocator: Sendable {
    /// The two folders `hoctap` needs.
    enum Resource: String, Sendable, CaseIterable {
        case content = "Content"
        case courses = "Courses"

        /// The environment variable that names it.
        var environmentVariable: String { self == .content ? "HOCTAP_CONTENT" : "HOCTAP_COURSES" }

        /// The flag that names it.
        var flag: String { self == .content ? "--content" : "--courses" }

        /// Whether `url` looks like this folder (for the places searched without being told): `Content/` holds
        /// `campaign.yaml` or `strings/`; `Courses/` is any folder.
        func accepts(_ url: URL) -> Bool {
            switch self {
            case .content:
                ResourceLocator.isDirectory(url.appendingPathComponent("strings"))
                    || FileManager.default.fileExists(atPath: url.appendingPathComponent("campaign.yaml").path)
            case .courses:
                true
            }
        }
    }

    /// A folder found, and how to name it in messages.
    struct Found: Sendable, Equatable {
        var url: URL
        var displayPath: String
    }

    /// Why no folder could be used; worded in Vietnamese by `message(_:)`.
    enum Failure: Error, Sendable, Equatable {
        /// A flag or variable names a folder that does not exist.
        case missing(path: String, source: String)
        /// Searched everywhere, found nothing.
        case notFound(Resource, searched: [String])

        /// The Vietnamese line for a person.
        func message(_ messages: MessageCatalog) -> String {
            switch self {
            case .missing(let path, let source):
                messages.text("cli.resource_missing", [path, source])
            case .notFound(let resource, let searched):
                messages.text(resource == .content ? "cli.content_not_found" : "cli.courses_not_found",
                              [searched.joined(separator: ", ")])
            }
        }
    }

    var environment: [String: String]
    var workingDirectory: URL
    var executableURL: URL?

    /// How many folders above the executable's own are searched.
    static let executableAncestors = 4

    /// The locator of this process: its environment, working directory and executable.
    static var current: ResourceLocator {
        let process = ProcessInfo.processInfo
        let executable = Bundle.main.executableURL
            ?? CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }
        return ResourceLocator(environment: process.environment,
                               workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                               executableURL: executable?.resolvingSymlinksInPath())
    }

    /// The folder for `resource`, given the flag's value if any.
    func locate(_ resource: Resource, flag: String?) throws(Failure) -> Found {
        if let flag, !flag.isEmpty {
            return try named(flag, source: resource.flag)
        }
        if let value = environment[resource.environmentVariable], !value.isEmpty {
            return try named(value, source: resource.environmentVariable)
        }
        var searched: [String] = []
        for (index, folder) in searchFolders().enumerated() {
            let candidate = folder.appendingPathComponent(resource.rawValue, isDirectory: true)
            searched.append(candidate.path)
            if Self.isDirectory(candidate), resource.accepts(candidate) {
                // Found in the working directory: named as typed there, `Courses`, not by its full path.
                return Found(url: candidate, displayPath: index == 0 ? resource.rawValue : candidate.path)
            }
        }
        throw .notFound(resource, searched: searched)
    }

    /// The working directory, then the executable's folder and its ancestors, without repeats.
    func searchFolders() -> [URL] {
        var folders = [workingDirectory.standardizedFileURL]
        if var folder = executableURL?.deletingLastPathComponent().standardizedFileURL {
            for _ in 0...Self.executableAncestors {
                if !folders.contains(folder) { folders.append(folder) }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return folders
    }

    private func named(_ path: String, source: String) throws(Failure) -> Found {
        let url = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
        guard Self.isDirectory(url) else { throw .missing(path: path, source: source) }
        return Found(url: url, displayPath: path)
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
