import Foundation

/// Where the test fixtures and the repository's own folders are.
enum FixturePaths {
    /// A folder under the bundled `Fixtures/`.
    static func fixtures(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// The repository root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let bundledCourses = repositoryRoot.appendingPathComponent("Courses")
    static let content = repositoryRoot.appendingPathComponent("Content")
}
