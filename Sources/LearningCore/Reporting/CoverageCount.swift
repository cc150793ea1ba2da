/// Learners of one unit who reached the basic level: by the end of the period, and within it.
public struct CoverageCount: Sendable, Hashable {
    public var unitID: String
    public var reachedByEnd: Int
    public var reachedInPeriod: Int

    public init(unitID: String, reachedByEnd: Int, reachedInPeriod: Int) {
        self.unitID = unitID
        self.reachedByEnd = reachedByEnd
        self.reachedInPeriod = reachedInPeriod
    }
}
