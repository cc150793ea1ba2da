import Foundation
import GRDB

/// When `HOCTAP_TRACE_SQL` names a file, every statement the store runs is appended to it with its arguments
/// written in, one per line: the benchmarks replay exactly those statements in the `sqlite3` shell. Off otherwise.
/// The arguments may include personal data, so it is for benchmark and demonstration databases only.
final class SQLTrace: @unchecked Sendable {
    static let shared: SQLTrace? = ProcessInfo.processInfo.environment["HOCTAP_TRACE_SQL"].flatMap(SQLTrace.init)

    private let lock = NSLock()
    private let handle: FileHandle

    private init?(path: String) {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = handle
    }

    func record(_ statement: String) {
        let line = statement.replacingOccurrences(of: "\n", with: " ") + ";\n"
        lock.withLock { handle.write(Data(line.utf8)) }
    }
}
