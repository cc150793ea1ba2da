public import Foundation
public import Hummingbird

/// The static files of `Content/web/static` (stylesheet, images), read once at start and served from memory by
/// their relative path. Only files found at start are served, so no request can reach outside the folder.
public struct StaticFiles: Sendable {
    /// One file: its bytes and content type.
    public struct File: Sendable {
        public var bytes: ByteBuffer
        public var contentType: String
    }

    private let files: [String: File]

    /// Builds the set from already read files (tests).
    public init(files: [String: File]) {
        self.files = files
    }

    /// Reads every regular file below `directory`; hidden files are left out.
    public static func load(from directory: URL) throws -> StaticFiles {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        var files: [String: File] = [:]
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return StaticFiles(files: [:]) }
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(root.path + "/") else { continue }
            let relative = String(full.dropFirst(root.path.count + 1))
            let data = try Data(contentsOf: url)
            files[relative] = File(bytes: ByteBuffer(bytes: data), contentType: contentType(of: url.pathExtension))
        }
        return StaticFiles(files: files)
    }

    /// The file at `path` (relative, `/`-separated), or nil.
    public func file(_ path: String) -> File? { files[path] }

    /// The content type by file extension.
    static func contentType(of pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
