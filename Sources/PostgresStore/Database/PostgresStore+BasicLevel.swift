import Foundation
public import LearningCore
import Logging
import PostgresNIO

extension PostgresStore {
    /// The basic level's course lists by category, from the configuration: the commune keeps who reached each
    /// from now on (`basic_level_reach`, migration 009), made again from the completions when the lists differ
    /// from the ones kept. Returns whether they differed. Called by `hoctap serve` at start, as the SQLite store's.
    @discardableResult
    public func keepBasicLevel(_ lists: [LearnerCategory: [String]]) async throws -> Bool {
        let wanted = Dictionary(uniqueKeysWithValues: lists.map { ($0.key.rawValue, Set($0.value)) })
            .filter { !$0.value.isEmpty }
        let logger = logger
        return try await transaction { connection in
            // Two servers of one commune starting at once: the second waits, then finds the lists kept. Completions
            // in flight hold the same lock shared (`hoctap_add_completion`): they end first, and later ones see the
            // new lists.
            try await connection.run("""
                SELECT pg_advisory_xact_lock(hashtext('hoctap-basic-level'), hashtext(current_setting('app.commune')))
                """, logger)
            guard try await Self.basicLevelLists(connection, logger) != wanted else { return false }
            try await connection.run("DELETE FROM basic_level_course", logger)
            for (category, courses) in wanted {
                for course in courses {
                    try await connection.run("""
                        INSERT INTO basic_level_course (category, course_id) VALUES (\(category), \(course))
                        """, logger)
                }
            }
            try await connection.run("DELETE FROM basic_level_reach", logger)
            try await connection.run("SELECT hoctap_fill_basic_level_reach()", logger)
            return true
        }
    }

    /// The lists the commune keeps reach rows for, by category.
    static func basicLevelLists(_ connection: PostgresConnection, _ logger: Logger) async throws
        -> [String: Set<String>]
    {
        var lists: [String: Set<String>] = [:]
        for row in try await connection.rows("""
            SELECT category, course_id FROM basic_level_course WHERE commune_id = current_setting('app.commune')
            """, logger) {
            let (category, course) = try row.decode((String, String).self)
            lists[category, default: []].insert(course)
        }
        return lists
    }
}
