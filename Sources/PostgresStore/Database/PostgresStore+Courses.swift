public import Foundation
public import LearningCore
import Logging
import PostgresNIO
import StoreSupport

extension PostgresStore {
    /// The columns a `CourseCompletion` is read from.
    static let completionColumns = "learner_id, course_id, course_version, completed_at, percent, verification_code"

    static func completion(_ row: PostgresRow) throws -> CourseCompletion {
        let (learner, course, version, completedAt, percent, code) =
            try row.decode((Int64, String, Int, Date, Int?, String).self)
        return CourseCompletion(learnerID: learner, courseID: course, courseVersion: version,
                                completedAt: completedAt, percent: percent, verificationCode: code)
    }

    public func courseProgress(learnerID: Int64, courseID: String) async throws -> CourseProgress {
        let logger = logger
        return try await read { connection in
            try await Self.courseProgress(learnerID: learnerID, courseID: courseID, connection, logger)
        }
    }

    static func courseProgress(learnerID: Int64, courseID: String, _ connection: PostgresConnection,
                               _ logger: Logger) async throws -> CourseProgress {
        var visited: Set<String> = []
        var completed: Set<String> = []
        for row in try await connection.rows("""
            SELECT lesson_id, visits, completed_at IS NOT NULL FROM lesson_progress
            WHERE learner_id = \(learnerID) AND course_id = \(courseID)
            """, logger) {
            let (lesson, visits, isCompleted) = try row.decode((String, Int, Bool).self)
            if visits > 0 { visited.insert(lesson) }
            if isCompleted { completed.insert(lesson) }
        }
        let summary = try await connection.rows("""
            SELECT final_attempts, best_percent, passed_final_at IS NOT NULL FROM course_progress
            WHERE learner_id = \(learnerID) AND course_id = \(courseID)
            """, logger).first.map { try $0.decode((Int, Int?, Bool).self) }
        let completion = try await connection.rows("""
            SELECT \(unescaped: completionColumns) FROM course_completion
            WHERE learner_id = \(learnerID) AND course_id = \(courseID)
            """, logger).first.map(Self.completion)
        return CourseProgress(
            learnerID: learnerID, courseID: courseID, lessonsVisited: visited, lessonsCompleted: completed,
            finalAttempts: summary?.0 ?? 0, bestPercent: summary?.1 ?? nil, passedFinalQuiz: summary?.2 ?? false,
            completion: completion)
    }

    /// Inside the transaction of a completing event: records the course's completion when the requirement is
    /// met and none was recorded before. Returns the completion recorded now, if any.
    static func completeIfDue(learnerID: Int64, _ requirement: CompletionRequirement, at date: Date,
                              attemptID: String?, placement: (unitID: String, category: String),
                              _ connection: PostgresConnection, _ logger: Logger) async throws -> CourseCompletion? {
        let progress = try await courseProgress(learnerID: learnerID, courseID: requirement.courseID, connection,
                                                logger)
        guard progress.completion == nil, requirement.isMet(by: progress) else { return nil }
        return try await insertCompletion(
            learnerID: learnerID, courseID: requirement.courseID, courseVersion: requirement.courseVersion,
            percent: progress.bestPercent, at: date, attemptID: attemptID, placement: placement, connection, logger)
    }

    /// Records a completion with the learner's unit and category at that moment, counted in the rollups, with a
    /// fresh certificate code (drawn again on the rare clash).
    static func insertCompletion(learnerID: Int64, courseID: String, courseVersion: Int, percent: Int?, at date: Date,
                                 attemptID: String?, placement: (unitID: String, category: String),
                                 _ connection: PostgresConnection, _ logger: Logger) async throws -> CourseCompletion {
        for _ in 0..<10 {
            let code = VerificationCode.make()
            guard try await connection.rows(
                "SELECT 1 FROM course_completion WHERE verification_code = \(code)", logger).isEmpty
            else { continue }
            try await connection.run("""
                INSERT INTO course_completion (learner_id, course_id, course_version, completed_at, percent,
                                               verification_code, attempt_id, unit_id, category)
                VALUES (\(learnerID), \(courseID), \(courseVersion), \(date), \(percent), \(code), \(attemptID),
                        \(placement.unitID), \(placement.category))
                """, logger)
            try await PostgresRollups.addCompletion(learnerID: learnerID, courseID: courseID, percent: percent,
                                                    unitID: placement.unitID, category: placement.category, at: date,
                                                    connection, logger)
            return CourseCompletion(learnerID: learnerID, courseID: courseID, courseVersion: courseVersion,
                                    completedAt: date, percent: percent, verificationCode: code)
        }
        throw ProgressError(.attemptConflict, "verification code")
    }

    /// The learner's completions, oldest first.
    public func completions(learnerID: Int64) async throws -> [CourseCompletion] {
        let logger = logger
        return try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: Self.completionColumns) FROM course_completion WHERE learner_id = \(learnerID)
                ORDER BY completed_at, course_id
                """, logger).map(Self.completion)
        }
    }

    /// The completion a certificate's code belongs to (dashes, spaces and case ignored).
    public func completion(verificationCode: String) async throws -> CourseCompletion? {
        let code = VerificationCode.normalized(verificationCode)
        let logger = logger
        return try await read { connection in
            try await connection.rows("""
                SELECT \(unescaped: Self.completionColumns) FROM course_completion WHERE verification_code = \(code)
                """, logger).first.map(Self.completion)
        }
    }

    public func closedQuizIDs() async throws -> Set<String> {
        let logger = logger
        return try await read { connection in
            Set(try await connection.rows("SELECT quiz_id FROM quiz_closure", logger).map { try $0.decode(String.self) })
        }
    }

    public func setQuizClosed(_ quizID: String, closed: Bool, at date: Date) async throws {
        let logger = logger
        try await transaction { connection in
            if closed {
                try await connection.run("""
                    INSERT INTO quiz_closure (quiz_id, closed_at) VALUES (\(quizID), \(date)) ON CONFLICT DO NOTHING
                    """, logger)
            } else {
                try await connection.run("DELETE FROM quiz_closure WHERE quiz_id = \(quizID)", logger)
            }
        }
    }
}

extension PostgresStore {
    /// Records a completion once per learner and course (tools, and copying a commune's history); returns the
    /// existing one if the course was completed already.
    public func recordCompletion(
        learnerID: Int64, courseID: String, courseVersion: Int, percent: Int?, at date: Date
    ) async throws -> CourseCompletion {
        let logger = logger
        return try await transaction { connection in
            guard let placement = try await PostgresRollups.placementLocking(learnerID: learnerID, connection, logger)
            else { throw ProgressError(.unknownLearner, String(learnerID)) }
            if let existing = try await connection.rows("""
                SELECT \(unescaped: Self.completionColumns) FROM course_completion
                WHERE learner_id = \(learnerID) AND course_id = \(courseID)
                """, logger).first {
                return try Self.completion(existing)
            }
            return try await Self.insertCompletion(
                learnerID: learnerID, courseID: courseID, courseVersion: courseVersion, percent: percent, at: date,
                attemptID: nil, placement: placement, connection, logger)
        }
    }
}
