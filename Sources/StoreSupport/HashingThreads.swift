import Foundation

/// Threads of their own for bcrypt, one per core, fed in arrival order. On Linux, Swift's tasks run on
/// Dispatch's default worker threads; bcrypt sent to a Dispatch queue of that class took those threads, so a
/// hundred kiosks signing in at once held every database read (and so every other learner's request) until the
/// last hash was done, 15 to 50 seconds (found by Reliability/load). Here hashing waits in its own line and
/// shares the processor with the tasks instead of taking their threads.
final class HashingThreads: @unchecked Sendable {
    /// The threads every `SecretHashing` uses.
    static let shared = HashingThreads(count: max(1, ProcessInfo.processInfo.activeProcessorCount))

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var next = 0

    init(count: Int) {
        for index in 0..<count {
            let thread = Thread { [self] in work() }
            thread.name = "hoctap.bcrypt.\(index)"
            thread.start()
        }
    }

    /// Runs `job` on one of the threads and returns its result.
    func run<T: Sendable>(_ job: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            condition.lock()
            jobs.append { continuation.resume(returning: job()) }
            condition.signal()
            condition.unlock()
        }
    }

    private func work() {
        while true {
            condition.lock()
            while next == jobs.count { condition.wait() }
            let job = jobs[next]
            next += 1
            if next == jobs.count {
                // Everything taken: start the line again instead of letting it grow.
                jobs.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            job()
        }
    }
}
