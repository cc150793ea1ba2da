import Foundation

/// Where `PostgresStore`'s period figures come from. Both give the same figures (a test proves it).
public enum ReportingChoice: String, Sendable {
    /// The day rollups kept with each event, for periods made of whole local days (what every command uses).
    case rollups
    /// Aggregate SQL over the raw events: the truth the rollups are proved against.
    case raw

    /// `rollups`, unless `HOCTAP_REPORTING_SOURCE` says `raw` (for benchmarks), as for the SQLite store.
    public static var fromEnvironment: ReportingChoice {
        ProcessInfo.processInfo.environment["HOCTAP_REPORTING_SOURCE"].flatMap(ReportingChoice.init) ?? .rollups
    }
}
