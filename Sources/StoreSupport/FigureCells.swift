public import LearningCore

/// Figures per (unit, category) group and per (unit, category, course) cell as either store reads them, then
/// turned into the repository's answer.
package struct FigureCells {
    /// A unit and a learner category, as stored.
    package struct Group: Hashable {
        package var unitID: String
        package var category: String

        package init(unitID: String, category: String) {
            self.unitID = unitID
            self.category = category
        }
    }

    /// A group and a course.
    package struct Cell: Hashable {
        package var group: Group
        package var courseID: String

        package init(group: Group, courseID: String) {
            self.group = group
            self.courseID = courseID
        }
    }

    package var groups: [Group: ActivityFigures] = [:]
    package var courses: [Cell: ActivityFigures] = [:]

    package init() {}

    /// Course-level counts rolled up into their group, so a group's figures are complete on their own; cells
    /// with nothing in them left out; sorted by unit, category (and course) the same order from either store.
    package func result() -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures]) {
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
