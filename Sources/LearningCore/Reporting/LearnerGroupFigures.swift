/// Figures of one unit and learner category: the finest cell the store computes; everything else sums them.
public struct LearnerGroupFigures: Sendable, Hashable {
    public var unitID: String
    public var category: LearnerCategory
    public var figures: ActivityFigures

    public init(unitID: String, category: LearnerCategory, figures: ActivityFigures) {
        self.unitID = unitID
        self.category = category
        self.figures = figures
    }
}
