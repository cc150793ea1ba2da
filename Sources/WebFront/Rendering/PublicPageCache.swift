import Foundation
import NIOCore

/// The rendered HTML of pages that are the same for every visitor without a session (a lesson or a course page
/// for practice): the courses do not change while the server runs, so each is rendered once. Pages for a
/// session (a name, a CSRF token, progress) are never cached.
final class PublicPageCache: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: ByteBuffer] = [:]
    /// Enough for every lesson of a large catalogue; beyond it pages are simply rendered each time.
    private let limit = 2_000

    /// The page cached under `key`, if any.
    func cached(_ key: String) -> ByteBuffer? { lock.withLock { pages[key] } }

    /// Caches `page` under `key` (while there is room) and returns it.
    func store(_ key: String, _ page: ByteBuffer) -> ByteBuffer {
        lock.withLock { if pages.count < limit { pages[key] = page } }
        return page
    }
}
