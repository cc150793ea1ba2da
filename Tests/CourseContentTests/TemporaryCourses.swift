import Foundation

/// A copy of a fixture folder in a temporary directory, removed when the value goes away.
final class TemporaryCourses {
    let url: URL

    init(copying source: URL) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: url)
    }

    /// An empty temporary folder.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
