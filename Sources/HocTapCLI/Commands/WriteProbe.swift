import ArgumentParser
import Foundation
import LearningCore
import PostgresStore
import ProgressStore

extension HocTapCommand.Database {
    /// `hoctap db write-probe`: submits attempts through the real store as fast as it can, printing each id once
    /// its transaction has returned (acknowledged). Used by the crash test and the submission benchmark.
    struct WriteProbe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write-probe",
            abstract: "Ghi thử các lượt làm bài (dùng cho kiểm thử mất điện và đo tốc độ).",
            shouldDisplay: false)

        @Option(name: .customLong("db")) var path = "hoctap.sqlite"
        /// The city database instead of the file (`--database postgres://… --commune ID`): each writer then
        /// submits as a learner of its own, as kiosks do (one learner's submissions are written one at a time).
        @OptionGroup var city: CityDatabaseOptions
        @Option(help: "Số luồng ghi đồng thời.") var writers = 1
        @Option(help: "Số lượt mỗi luồng (0: không dừng).") var count = 0
        @Flag(name: .customLong("print-ids"), help: "In mã từng lượt đã ghi.") var printIDs = false

        func run() async throws {
            if city.isChosen {
                let database = try await city.open()
                defer { database.shutdown() }
                try await probe(database, learnerPerWriter: true)
            } else {
                try await probe(try AppDatabase(path: path, hashing: .fastForTests), learnerPerWriter: false)
            }
        }

        private func probe(_ database: some ProgressRepository, learnerPerWriter: Bool) async throws {
            try await database.saveUnits([CommuneUnit(id: "probe", name: "Đơn vị thử", kind: .village)])
            var learners: [Int64] = []
            for writer in 0..<(learnerPerWriter ? writers : 1) {
                learners.append(try await database.register(
                    NewLearner(displayName: "Người thử \(writer)", unitID: "probe", category: .citizens), at: Date()).id)
            }
            let registered = learners
            let run = UUID().uuidString.prefix(8)
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var written = 0
                        while count == 0 || written < count {
                            let id = "\(run)-\(writer)-\(written)"
                            let learner = registered[writer % registered.count]
                            _ = try await database.recordAttempt(Self.record(id: id, learnerID: learner))
                            // Written straight to the descriptor: the line is out before the next write starts.
                            if printIDs { FileHandle.standardOutput.write(Data((id + "\n").utf8)) }
                            written += 1
                        }
                        return written
                    }
                }
                var total = 0
                for try await written in group { total += written }
                let seconds = (ContinuousClock.now - start) / .seconds(1)
                if !printIDs {
                    print(String(format: "%d attempts, %d writers, %.3f s, %.1f attempts/s",
                                 total, writers, seconds, Double(total) / max(seconds, 0.000_001)))
                }
            }
        }

        /// A plausible five-question final-quiz attempt.
        static func record(id: String, learnerID: Int64) -> AttemptRecord {
            let questions = (0..<5).map { index in
                QuestionResult(questionID: "probe/quiz/\(index)", contentHash: "0123456789abcdef",
                               response: .choices(["a"]), credit: index < 4 ? .full : .zero)
            }
            let now = Date()
            return AttemptRecord(
                attemptID: id, learnerID: learnerID, courseID: "probe", courseVersion: 1, quizID: "probe/quiz",
                isFinalQuiz: true, seed: 1, startedAt: now.addingTimeInterval(-60), submittedAt: now,
                result: QuizResult(questions: questions, passMark: 80))
        }
    }
}
