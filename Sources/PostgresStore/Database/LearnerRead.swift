import LearningCore
import PostgresNIO

/// A learner by id (`PostgresStore.learner(id:)`), as a prepared statement: parsed once per connection, since a
/// signed-in kiosk's requests read it nearly every time.
struct LearnerRead: PostgresPreparedStatement {
    static let name = "hoctap_learner_by_id_v1"
    static let sql = "SELECT \(PostgresStore.learnerColumns.sql) FROM learner WHERE id = $1"

    let id: Int64

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(id)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Learner {
        try PostgresStore.learner(row)
    }
}
