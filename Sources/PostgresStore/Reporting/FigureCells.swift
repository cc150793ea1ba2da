import LearningCore

/// Figures per (unit, category) group and per (unit, category, course) cell as they are read, then turned into
/// the repository's answer.
struct FigureCells {
    struct Group: Hashable {
        var unitID: String
        var category: String
    }

    struct Cell: Hashable {
        var group: Group
        var courseID: String
    }

    var groups: [Group: ActivityFigures] = [:]
    var courses: [Cell: ActivityFigures] = [:]

    /// Course-level counts rolled up into their group, so a group's figures are complete on their own; cells
    /// with nothing in them left out; sorted by unit, category (and course) as the SQLite store sorts them.
    func result() -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures]) {
        var groups = groups
        for (cell, figures) in courses {
            groups[cell.group] = groups[cell.group, default: ActivityFigures()] + figures
        }
        let empty = ActivityFigures()
        return (
            groups.compactMap { key, figures in
                guard figures != empty, let category = LearnerCategory(rawValue: key.category) else { return nil }
                return LearnerGroupFigures(unitID: key.unitID, category: category, figures: figures)
            }.sorted { ($0.unitID, $0.category) < ($1.unitID, $1.category) },
            courses.compactMap { cell, figures in
                guard figures != empty, let category = LearnerCategory(rawValue: cell.group.category) else { return nil }
                return CourseGroupFigures(unitID: cell.group.unitID, category: category, courseID: cell.courseID,
                                          figures: figures)
            }.sorted { ($0.unitID, $0.category, $0.courseID) < ($1.unitID, $1.category, $1.courseID) })
    }
}
