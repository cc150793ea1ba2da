import Foundation
import GRDB

/// Group commit for submissions: writes that arrive while one transaction is being synced wait for it, then go
/// to disk together in the next one, each in its own savepoint (one refused submission never takes the others
/// with it). Every caller is answered only after the commit that holds its write has been synced, so what is
/// acknowledged is durable, and fifty kiosks submitting at once share a handful of syncs instead of fifty.
actor GroupCommit {
    private struct Pending {
        let work: @Sendable (Database) throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private let writer: any DatabaseWriter
    private var pending: [Pending] = []
    private var isDraining = false

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `work` inside the next group transaction and returns its result once that transaction is durable.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            pending.append(Pending(work: { db in try work(db) }, continuation: continuation))
            if !isDraining {
                isDraining = true
                Task { await drain() }
            }
        }
        // The closure above produced a T; the cast cannot fail.
        return result as! T
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let outcomes: [Result<any Sendable, any Error>]
            do {
                outcomes = try await writer.write { db in
                    batch.map { item in
                        var value: (any Sendable)?
                        do {
                            try db.inSavepoint {
                                value = try item.work(db)
                                return .commit
                            }
                            return .success(value!)
                        } catch {
                            return .failure(error)
                        }
                    }
                }
            } catch {
                // The commit itself failed (disk full, I/O error): nothing of the batch was stored.
                outcomes = batch.map { _ in .failure(error) }
            }
            for (item, outcome) in zip(batch, outcomes) {
                item.continuation.resume(with: outcome)
            }
        }
        isDraining = false
    }
}
