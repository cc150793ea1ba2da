import Foundation

/// Reads a whole file with plain POSIX calls: course files are small and many, and `Data(contentsOf:)` spends
/// more time in its own bookkeeping than in reading them.
enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read (a folder, no permission).
    static func read(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { return data }
            data.append(buffer, count: count)
        }
    }
}
