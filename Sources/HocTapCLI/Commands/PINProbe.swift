import ArgumentParser
import Foundation
import LearningCore
import ProgressStore

extension HocTapCommand.Database {
    /// `hoctap db pin-probe`: kiosk PIN sign-ins per second at the production bcrypt cost, with one or more
    /// sign-ins at a time. Used by `Benchmarks/import`.
    struct PINProbe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pin-probe",
            abstract: "Đo số lượt đăng nhập bằng mã PIN mỗi giây (dùng để đo tốc độ).",
            shouldDisplay: false)

        @Option(name: .customLong("db"), help: "Tệp cơ sở dữ liệu mới để đo.") var path: String
        @Option(help: "Số lượt đăng nhập cùng lúc.") var threads = 1
        @Option(help: "Tổng số lượt đăng nhập.") var count = 40

        func run() async throws {
            let database = try AppDatabase(path: path, hashing: .standard)
            try await database.saveUnits([CommuneUnit(id: "probe", name: "Đơn vị thử", kind: .village)])
            let learner = try await database.register(
                NewLearner(displayName: "Người thử", unitID: "probe", category: .citizens, pin: "2468"), at: Date())
            let start = ContinuousClock.now
            let total = try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<threads {
                    let share = count / threads + (worker < count % threads ? 1 : 0)
                    group.addTask {
                        for _ in 0..<share {
                            guard try await database.verifyPIN(learnerID: learner.id, pin: "2468") else {
                                throw ExitCode(1)
                            }
                        }
                        return share
                    }
                }
                return try await group.reduce(0, +)
            }
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            print(String(format: "%d sign-ins, %d at a time, bcrypt cost %d, %.3f s, %.2f sign-ins/s",
                         total, threads, Int(SecretHashing.standard.pinCost), seconds,
                         Double(total) / max(seconds, 0.000_001)))
        }
    }
}
