import Foundation
import GRDB
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

/// Responses are stored as compact JSON with sorted keys, so equal responses are equal text.
enum ResponseCoding {
    static func encode(_ response: Response) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var normalised = response
        if case .choices(let ids) = response { normalised = .choices(ids) }
        return String(decoding: try encoder.encode(normalised), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> Response {
        try JSONDecoder().decode(Response.self, from: Data(text.utf8))
    }
}
