import Foundation
import GRDB
import LearningCore

/// A row of `attempt`: one graded attempt, written once on submission.
struct AttemptRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "attempt"
    var id: String
    var learnerId: Int64
    var courseId: String
    var courseVersion: Int
    var quizId: String
    var isFinal: Bool
    var seed: Int64
    var startedAt: Date
    var submittedAt: Date
    var earnedNumerator: Int
    var earnedDenominator: Int
    var possible: Int
    var percent: Int
    var passMark: Int
    var passed: Bool
    /// The client-made submission id, when the attempt was submitted through a front.
    var submissionId: String?
    /// The learner's unit and category when it was written (what reports group by).
    var unitId: String?
    var category: String?

    init(_ record: AttemptRecord, submissionID: String? = nil) {
        submissionId = submissionID
        id = record.attemptID
        learnerId = record.learnerID
        courseId = record.courseID
        courseVersion = record.courseVersion
        quizId = record.quizID
        isFinal = record.isFinalQuiz
        seed = Int64(bitPattern: record.seed)
        startedAt = record.startedAt
        submittedAt = record.submittedAt
        let earned = record.result.earned
        earnedNumerator = earned.numerator
        earnedDenominator = earned.denominator
        possible = record.result.possible
        percent = record.result.percent
        passMark = record.result.passMark
        passed = record.result.passed
    }

    func record(answers: [AttemptAnswerRow]) throws -> AttemptRecord {
        let questions = try answers.sorted { $0.position < $1.position }.map { try $0.questionResult() }
        return AttemptRecord(
            attemptID: id, learnerID: learnerId, courseID: courseId, courseVersion: courseVersion, quizID: quizId,
            isFinalQuiz: isFinal, seed: UInt64(bitPattern: seed), startedAt: startedAt, submittedAt: submittedAt,
            result: QuizResult(questions: questions, passMark: passMark))
    }
}
