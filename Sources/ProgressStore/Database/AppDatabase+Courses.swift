public import Foundation
import GRDB
import StoreSupport
public import LearningCore

extension AppDatabase {
    public func courseProgress(learnerID: Int64, courseID: String) async throws -> CourseProgress {
        try await writer.read { db in try Self.courseProgress(learnerID: learnerID, courseID: courseID, db) }
    }

    static func courseProgress(learnerID: Int64, courseID: String, _ db: Database) throws -> CourseProgress {
        let lessons = try LessonProgressRow
            .filter(Column("learnerId") == learnerID && Column("courseId") == courseID).fetchAll(db)
        let summary = try CourseProgressRow.fetchOne(db, key: ["learnerId": learnerID, "courseId": courseID])
        let completion = try CourseCompletionRow.fetchOne(db, key: ["learnerId": learnerID, "courseId": courseID])
        return CourseProgress(
            learnerID: learnerID, courseID: courseID,
            lessonsVisited: Set(lessons.filter { $0.visits > 0 }.map(\.lessonId)),
            lessonsCompleted: Set(lessons.filter { $0.completedAt != nil }.map(\.lessonId)),
            finalAttempts: summary?.finalAttempts ?? 0, bestPercent: summary?.bestPercent,
            passedFinalQuiz: summary?.passedFinalAt != nil, completion: completion?.completion)
    }

    /// Inside the transaction of a completing event: records the course's completion when the requirement is
    /// met and none was recorded before. Returns the completion recorded now, if any.
    static func completeIfDue(learnerID: Int64, _ requirement: CompletionRequirement, at date: Date,
                              attemptID: String?, calendar: RollupCalendar, _ db: Database) throws
        -> CourseCompletion?
    {
        let progress = try courseProgress(learnerID: learnerID, courseID: requirement.courseID, db)
        guard progress.completion == nil, requirement.isMet(by: progress) else { return nil }
        return try insertCompletion(learnerID: learnerID, courseID: requirement.courseID,
                                    courseVersion: requirement.courseVersion, percent: progress.bestPercent,
                                    at: date, attemptID: attemptID, calendar: calendar, db)
    }

    /// Records a completion once per learner and course; returns the existing one if already completed.
    public func recordCompletion(
        learnerID: Int64, courseID: String, courseVersion: Int, percent: Int?, at date: Date
    ) async throws -> CourseCompletion {
        let calendar = calendar
        return try await writer.write { db in
            if let existing = try CourseCompletionRow.fetchOne(db, key: ["learnerId": learnerID, "courseId": courseID]) {
                return existing.completion
            }
            return try Self.insertCompletion(learnerID: learnerID, courseID: courseID, courseVersion: courseVersion,
                                             percent: percent, at: date, attemptID: nil, calendar: calendar, db)
        }
    }

    /// Records a completion with the learner's unit and category (`placement`, or theirs now), and counts it in
    /// the rollups.
    static func insertCompletion(learnerID: Int64, courseID: String, courseVersion: Int, percent: Int?, at date: Date,
                                 attemptID: String?, placement: (unitID: String, category: String)? = nil,
                                 calendar: RollupCalendar, _ db: Database) throws -> CourseCompletion {
        guard let placement = try placement ?? Rollups.placement(learnerID: learnerID, db) else {
            throw ProgressError(.unknownLearner, String(learnerID))
        }
        // Codes are random; on the rare clash with an earlier code, draw again.
        for _ in 0..<10 {
            let row = CourseCompletionRow(
                learnerId: learnerID, courseId: courseID, courseVersion: courseVersion, completedAt: date,
                percent: percent, verificationCode: VerificationCode.make(), attemptId: attemptID,
                unitId: placement.unitID, category: placement.category)
            guard try CourseCompletionRow.filter(Column("verificationCode") == row.verificationCode).isEmpty(db)
            else { continue }
            try row.insert(db)
            try Rollups.addCompletion(learnerID: learnerID, courseID: courseID, percent: percent,
                                      unitID: placement.unitID, category: placement.category, at: date,
                                      calendar: calendar, db)
            try BasicLevelRollup.addCompletion(learnerID: learnerID, courseID: courseID, db)
            return row.completion
        }
        throw ProgressError(.attemptConflict, "verification code")
    }

    public func completions(learnerID: Int64) async throws -> [CourseCompletion] {
        try await writer.read { db in
            try CourseCompletionRow.filter(Column("learnerId") == learnerID).order(Column("completedAt"))
                .fetchAll(db).map(\.completion)
        }
    }

    /// The completion a certificate's code belongs to, for checking it.
    public func completion(verificationCode: String) async throws -> CourseCompletion? {
        let code = VerificationCode.normalized(verificationCode)
        return try await writer.read { db in
            try CourseCompletionRow.filter(Column("verificationCode") == code).fetchOne(db)?.completion
        }
    }

    public func closedQuizIDs() async throws -> Set<String> {
        try await writer.read { db in Set(try String.fetchAll(db, sql: "SELECT quizId FROM quizClosure")) }
    }

    public func setQuizClosed(_ quizID: String, closed: Bool, at date: Date) async throws {
        try await writer.write { db in
            if closed {
                try db.execute(sql: "INSERT INTO quizClosure (quizId, closedAt) VALUES (?, ?) ON CONFLICT DO NOTHING",
                               arguments: [quizID, date])
            } else {
                try db.execute(sql: "DELETE FROM quizClosure WHERE quizId = ?", arguments: [quizID])
            }
        }
    }
}
