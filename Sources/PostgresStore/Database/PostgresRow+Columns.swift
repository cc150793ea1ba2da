import PostgresNIO

extension PostgresRow {
    /// The value of the column named `column`, decoded as `T`.
    func get<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try makeRandomAccess()[column].decode(T.self, context: .default)
    }
}
