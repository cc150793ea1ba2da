import GRDB

extension Database {
    /// Runs one statement of a hot write path, prepared once per connection and reused (GRDB's statement cache):
    /// preparing an upsert costs about as much as running it, and a submission runs a dozen of them.
    func executeCached(sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
