import Foundation

/// Reads a whole file with plain POSIX calls: course files are small and many, and `Data(contentsOf:)` spends
/// more time in its own bookkeeping than in reading them.
enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read (a folder, no permission).
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Sized from fstat, read until the end in case the file grew since.
        var bytes: [UInt8] = []
        var capacity = max(Int(status.st_size), 0) + 1
        while true {
            var failed = false
            let previous = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: capacity - previous))
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + previous, capacity - previous)
            }
            if count < 0 { failed = true }
            bytes.removeLast(capacity - previous - max(count, 0))
            if failed { return nil }
            if count == 0 { return bytes }
            if bytes.count == capacity { capacity *= 2 }
        }
    }
}
