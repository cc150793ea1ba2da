import Foundation
import GRDB
import LearningCore

extension AppDatabase {
    public func courseProgress(learnerID: Int64, courseID: String) async throws -> CourseProgress {
        try await writer.read { db in
            let lessons = try LessonProgressRow
                .filter(Column("learnerId") == learnerID && Column("courseId") == courseID).fetchAll(db)
            let summary = try CourseProgressRow.fetchOne(db, key: ["learnerId": learnerID, "courseId": courseID])
            let completion = try CourseCompletionRow
                .fetchOne(db, key: ["learnerId": learnerID, "courseId": courseID])
            return CourseProgress(
                learnerID: learnerID, courseID: courseID,
                lessonsVisited: Set(lessons.filter { $0.visits > 0 }.map(\.lessonId)),
                lessonsCompleted: Set(lessons.filter { $0.completedAt != nil }.map(\.lessonId)),
                finalAttempts: summary?.finalAttempts ?? 0, bestPercent: summary?.bestPercent,
                passedFinalQuiz: summary?.passedFinalAt != nil, completion: completion?.completion)
        }
    }

    public func recordCompletion(
        learnerID: Int64, courseID: String, courseVersion: Int, percent: Int?, at date: Date
    ) async throws -> CourseCompletion {
        try await writer.write { db in
            if let existing = try CourseCompletionRow.fetchOne(db, key: ["learnerId": learnerID, "courseId": courseID]) {
                return existing.completion
            }
            // Codes are random; on the rare clash with an earlier code, draw again.
            for _ in 0..<10 {
                let row = CourseCompletionRow(
                    learnerId: learnerID, courseId: courseID, courseVersion: courseVersion, completedAt: date,
                    percent: percent, verificationCode: VerificationCode.make())
                guard try CourseCompletionRow.filter(Column("verificationCode") == row.verificationCode).isEmpty(db)
                else { continue }
                try row.insert(db)
                return row.completion
            }
            throw ProgressError(.attemptConflict, "verification code")
        }
    }

    /// The completion a certificate's code belongs to, for checking it.
    public func completion(verificationCode: String) async throws -> CourseCompletion? {
        let code = verificationCode.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        return try await writer.read { db in
            try CourseCompletionRow.filter(Column("verificationCode") == code).fetchOne(db)?.completion
        }
    }
}

