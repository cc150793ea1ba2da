import Foundation
import GRDB
import LearningCore

/// The people who reached the basic level of their category, one row each (`basicLevelReach`), for the course
/// lists the file holds (`basicLevelCourse`, set from the configuration by `AppDatabase.keepBasicLevel`).
///
/// A person reaches a category's level when every course of its list is completed; when, and in which unit, is
/// the last of those completions as recorded, and only a last completion recorded in that same category counts
/// (the reports' rule). Completions are written once per person and course, so a row never changes after it is
/// made: the coverage report reads these rows instead of grouping every completion by person.
enum BasicLevelRollup {
    /// The people of `filter` who completed every course of a list, with their last completion of it.
    private static func reachSQL(filter: String) -> String {
        """
        INSERT OR IGNORE INTO basicLevelReach (category, learnerId, reachedAt, unitId)
        SELECT listCategory, learnerId, reachedAt, unitId FROM (
            SELECT b.category AS listCategory, c.learnerId AS learnerId, MAX(c.completedAt) AS reachedAt,
                   c.unitId AS unitId, c.category AS recorded, COUNT(*) AS completed
            FROM basicLevelCourse b JOIN courseCompletion c ON c.courseId = b.courseId
            WHERE \(filter)
            GROUP BY b.category, c.learnerId)
        WHERE recorded = listCategory
          AND completed = (SELECT COUNT(*) FROM basicLevelCourse x WHERE x.category = listCategory)
        """
    }

    /// After a completion of `courseID`: the learner may have reached the level of each list holding it.
    static func addCompletion(learnerID: Int64, courseID: String, _ db: Database) throws {
        try db.executeCached(sql: reachSQL(filter: """
            c.learnerId = :learner
            AND b.category IN (SELECT category FROM basicLevelCourse WHERE courseId = :course)
            """), arguments: ["learner": learnerID, "course": courseID])
    }

    /// Every row again from the completions.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM basicLevelReach")
        try db.execute(sql: reachSQL(filter: "1"))
    }

    /// The course lists the rows are kept for, by category.
    static func lists(_ db: Database) throws -> [String: Set<String>] {
        var lists: [String: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT category, courseId FROM basicLevelCourse") {
            lists[row[0], default: []].insert(row[1])
        }
        return lists
    }

    /// Keeps the rows for `lists` from now on: when they differ from the file's, replaces them and rebuilds.
    /// Returns whether anything changed.
    static func keep(_ lists: [String: Set<String>], _ db: Database) throws -> Bool {
        let wanted = lists.filter { !$0.value.isEmpty }
        guard try Self.lists(db) != wanted else { return false }
        try db.execute(sql: "DELETE FROM basicLevelCourse")
        for (category, courses) in wanted {
            for course in courses {
                try db.execute(sql: "INSERT INTO basicLevelCourse (category, courseId) VALUES (?, ?)",
                               arguments: [category, course])
            }
        }
        try rebuild(db)
        return true
    }

    /// Per unit, the people of `category` who reached its level by `period`'s end, and within it; nil when the
    /// file keeps no rows for exactly `courseIDs` (the caller then counts from the completions).
    static func reached(category: String, courseIDs: [String], period: ReportingPeriod, _ db: Database) throws
        -> [CoverageCount]?
    {
        let wanted = Set(courseIDs)
        guard wanted.count == courseIDs.count, try lists(db)[category] == wanted else { return nil }
        return try Row.fetchAll(db, sql: """
            SELECT unitId, COUNT(*), SUM(reachedAt >= ?) FROM basicLevelReach
            WHERE category = ? AND reachedAt < ? GROUP BY unitId
            """, arguments: [period.start, category, period.end]).map {
            CoverageCount(unitID: $0[0], reachedByEnd: $0[1], reachedInPeriod: $0[2])
        }
    }
}
