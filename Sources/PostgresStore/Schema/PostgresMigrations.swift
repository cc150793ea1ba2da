import Logging
import PostgresNIO

/// The schema, as numbered migrations in PostgreSQL's dialect, the same history as the SQLite store's
/// (`ProgressStore/Database/Migrations.swift`) written for a city: every table carries `commune_id`, and every
/// reference includes it, so no row can point into another commune. A migration is never edited once shipped:
/// a change is a new one. Applied ids are kept in `schema_migrations`.
enum PostgresMigrations {
    /// The role every store transaction runs as (`SET LOCAL ROLE`): it owns nothing, so row-level security
    /// applies to it, and it may only read and write rows, never change the schema or the policies.
    static let appRole = "hoctap_app"

    /// The role a store opened for the city's reports runs as: it reads every commune's reported rows and
    /// writes nothing (migration 006). A commune's store never takes it.
    static let cityRole = "hoctap_city"

    /// One migration: its id and its statements, run in order in the migrating transaction.
    struct Migration: Sendable {
        let id: String
        let statements: [String]
    }

    static let all: [Migration] = [
        Migration(id: "001-city-schema", statements: PostgresSchema.tables),
        Migration(id: "002-commune-row-level-security", statements: PostgresSchema.rowLevelSecurity),
        Migration(id: "003-copied-history-source-ids", statements: PostgresSchema.sourceIDs),
        // 004 was a first form of 007, never shipped.
        Migration(id: "005-reporting-year-rollups", statements: PostgresYearSchema.yearRollups),
        Migration(id: "006-city-reporting-role", statements: PostgresYearSchema.cityRole),
        Migration(id: "007-event-functions-and-one-statement-submission",
                  statements: PostgresEventFunctions.statements),
        Migration(id: "008-completions-in-report-order", statements: PostgresReportIndexes.statements),
        Migration(id: "009-basic-level-and-completion-years", statements: PostgresCompletionSchema.statements),
    ]

    /// Applies the migrations not yet applied, in one transaction, holding an advisory lock so that two
    /// processes starting at once do not both migrate. Refuses a database migrated by a newer version. A database
    /// already up to date is only read, so that a login that may only read (the city's reports, a member of
    /// `hoctap_city` alone) opens it too.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext('hoctap-migrations'))", logger: logger)
            var applied: Set<String> = []
            let exists = try await connection.rows(
                "SELECT to_regclass('schema_migrations') IS NOT NULL", logger).first?.decode(Bool.self) ?? false
            if exists {
                for try await id in try await connection.query("SELECT id FROM schema_migrations", logger: logger)
                    .decode(String.self) {
                    applied.insert(id)
                }
            }
            let known = Set(all.map(\.id))
            if let unknown = applied.subtracting(known).sorted().first {
                throw PostgresStoreError(.newerSchema, unknown)
            }
            if all.contains(where: { !applied.contains($0.id) }) {
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
            }
            for migration in all where !applied.contains(migration.id) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO schema_migrations (id) VALUES (\(migration.id))",
                                           logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
