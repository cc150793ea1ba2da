import Foundation
import GRDB
import StoreSupport
import LearningCore

/// A row of `attemptAnswer`: one question of a graded attempt, with the response as JSON.
struct AttemptAnswerRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "attemptAnswer"
    var attemptId: String
    var position: Int
    var questionId: String
    var contentHash: String
    var response: String?
    var creditNumerator: Int
    var creditDenominator: Int

    init(attemptID: String, position: Int, result: QuestionResult) throws {
        attemptId = attemptID
        self.position = position
        questionId = result.questionID
        contentHash = result.contentHash
        response = try result.response.map(ResponseCoding.encode)
        creditNumerator = result.creditNumerator
        creditDenominator = result.creditDenominator
    }

    func questionResult() throws -> QuestionResult {
        QuestionResult(questionID: questionId, contentHash: contentHash,
                       response: try response.map(ResponseCoding.decode),
                       credit: Credit(creditNumerator, over: creditDenominator))
    }
}

