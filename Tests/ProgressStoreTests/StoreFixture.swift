import Foundation
import LearningCore
import ProgressStore
import TestSupport

/// A fresh database file in its own temporary folder, removed afterwards.
final class StoreFixture {
    let folder: URL
    let path: String
    private(set) var database: AppDatabase
    let clock = TestClock()

    static let units = [
        CommuneUnit(id: "thon-1", name: "Thôn 1", kind: .village),
        CommuneUnit(id: "thon-2", name: "Thôn 2", kind: .village),
        CommuneUnit(id: "phong-van-hoa-xa-hoi", name: "Phòng Văn hoá - Xã hội", kind: .department),
    ]

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("hoctap.sqlite").path
        database = try AppDatabase(path: path, hashing: .fastForTests)
        try await database.saveUnits(Self.units)
    }

    /// Opens the same file again, as a restarted server would.
    func reopen() throws {
        database = try AppDatabase(path: path, hashing: .fastForTests)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func register(_ name: String = "Nguyễn Thị Lan", unit: String = "thon-1", category: LearnerCategory = .citizens,
                  phone: String? = nil, pin: String? = nil) async throws -> Learner {
        try await database.register(
            NewLearner(displayName: name, unitID: unit, category: category, phone: phone, pin: pin), at: clock.now())
    }

    /// A graded final-quiz attempt of `correct` right answers out of 5.
    func attempt(_ id: String, learner: Int64, correct: Int = 4, course: String = "khoa-thu",
                 quiz: String? = nil, final: Bool = true) -> AttemptRecord {
        let questions = (0..<5).map { index in
            QuestionResult(questionID: "\(course)/quiz/\(index + 1)", contentHash: "hash\(index)",
                           response: .choices([index < correct ? "a" : "b"]), credit: index < correct ? .full : .zero)
        }
        return AttemptRecord(
            attemptID: id, learnerID: learner, courseID: course, courseVersion: 2, quizID: quiz ?? "\(course)/quiz",
            isFinalQuiz: final, seed: 12_345_678_901_234_567_890, startedAt: clock.now(),
            submittedAt: clock.now().addingTimeInterval(300), result: QuizResult(questions: questions, passMark: 80))
    }
}
