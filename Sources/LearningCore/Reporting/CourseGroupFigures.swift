/// Course-level figures of one unit, category and course (learner counts left at zero: a learner active in two
/// courses is one active learner).
public struct CourseGroupFigures: Sendable, Hashable {
    public var unitID: String
    public var category: LearnerCategory
    public var courseID: String
    public var figures: ActivityFigures

    public init(unitID: String, category: LearnerCategory, courseID: String, figures: ActivityFigures) {
        self.unitID = unitID
        self.category = category
        self.courseID = courseID
        self.figures = figures
    }
}
