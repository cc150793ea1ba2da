import Foundation
import LearningCore

/// Decides whether a link or image in a course file points somewhere.
enum LinkTarget {
    /// Schemes that run code or smuggle content; cmark's safe mode empties them when rendering.
    static let unsafeSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// Whether the target is one that safe rendering removes.
    static func isUnsafe(_ target: String) -> Bool {
        let lowered = TextNormalizer.trimmed(target).lowercased()
        return unsafeSchemes.contains { lowered.hasPrefix($0) }
    }

    /// True for absolute URLs, anchors and site paths (not checked here), and for relative paths to a file
    /// that exists beside the course.
    /// `files` are the names directly in `folder`, to spare a file-system call for the common case; without
    /// `onDisk` (a folder loaded from memory) they are the only files there are.
    static func resolves(_ target: String, from folder: URL, files: Set<String> = [], onDisk: Bool = true) -> Bool {
        if target.isEmpty { return false }
        if target.hasPrefix("#") || target.hasPrefix("/") { return true }
        if let colon = target.firstIndex(of: ":"), !target[..<colon].contains("/") { return true }
        var path = target
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        // Foundation's decoding is slow to call; most paths have nothing to decode.
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        if files.contains(path) { return true }
        guard onDisk else { return false }
        return FileManager.default.fileExists(atPath: folder.path + "/" + path)
    }
}
