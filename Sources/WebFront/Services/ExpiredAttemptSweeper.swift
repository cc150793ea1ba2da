public import LearningCore
public import Logging
public import ServiceLifecycle

/// Submits open quiz attempts whose time ran out, every `interval`, so their results reach the reports even when
/// the learner never comes back. Runs beside the server and stops on graceful shutdown (never in the middle of
/// a sweep's transaction: each submission is its own transaction, and the loop only stops between sweeps).
public struct ExpiredAttemptSweeper: Service {
    let learning: LearningService
    let interval: Duration
    let logger: Logger

    /// A sweeper over `learning`'s store.
    public init(learning: LearningService, interval: Duration, logger: Logger) {
        self.learning = learning
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await sweepOnce()
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }

    /// One sweep; a failure is logged (without personal data) and the next sweep tries again.
    public func sweepOnce() async {
        do {
            let submitted = try await learning.sweepExpiredAttempts()
            if submitted > 0 { logger.info("Đã nộp các lượt làm bài hết giờ", metadata: ["count": "\(submitted)"]) }
        } catch is CancellationError {
            // The server is stopping (or never started listening): nothing failed.
        } catch {
            logger.error("Không nộp được các lượt làm bài hết giờ",
                         metadata: ["hoctap.error": "\(String(reflecting: type(of: error)))"])
        }
    }
}
