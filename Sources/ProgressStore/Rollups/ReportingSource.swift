import Foundation

/// Where `AppDatabase`'s period figures come from. Both give the same figures (a property test proves it).
public enum ReportingSource: String, Sendable {
    /// The rollups kept with each event (what every command and page uses).
    case rollups
    /// Aggregate SQL over the raw events: the truth the rollups are proved against, and the benchmark's
    /// reference.
    case raw

    /// `rollups`, unless the environment variable `HOCTAP_REPORTING_SOURCE` says `raw` (for benchmarks).
    public static var fromEnvironment: ReportingSource {
        ProcessInfo.processInfo.environment["HOCTAP_REPORTING_SOURCE"].flatMap(ReportingSource.init) ?? .rollups
    }
}
