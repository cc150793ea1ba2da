import LearningCore
import PostgresNIO

/// One open attempt of a learner with its saved answers (`PostgresStore.draft(attemptID:learnerID:)`), as a
/// prepared statement: parsed once per connection, since every answer saved and every submission
/// reads it.
struct DraftRead: PostgresPreparedStatement {
    static let name = "hoctap_draft_by_id_v1"
    static let sql = "SELECT \(PostgresStore.draftColumns) WHERE attempt_id = $1 AND learner_id = $2"

    let attemptID: String
    let learnerID: Int64

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(attemptID)
        bindings.append(learnerID)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> AttemptDraft {
        try PostgresStore.draft(row)
    }
}
