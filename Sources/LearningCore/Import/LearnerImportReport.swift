/// What importing a learner list did. All or nothing: `imported` is true only when no row was refused and every
/// new learner was written; with a single problem nothing is written.
public struct LearnerImportReport: Sendable, Hashable, Codable {
    /// Rows that passed every check; once imported, the learners written (those already there excluded).
    public var acceptedCount: Int
    /// Rows whose learner was already in the store (same unit, name as a kiosk compares it, category and phone),
    /// so not added again.
    public var alreadyPresentCount: Int
    /// Whether the learners were written.
    public var imported: Bool
    /// Every refused cell, in the order of the file.
    public var problems: [LearnerImportProblem]

    /// A report.
    public init(acceptedCount: Int, alreadyPresentCount: Int = 0, imported: Bool, problems: [LearnerImportProblem]) {
        self.acceptedCount = acceptedCount
        self.alreadyPresentCount = alreadyPresentCount
        self.imported = imported
        self.problems = problems
    }

    /// How many lines of the file have at least one problem.
    public var refusedLineCount: Int { Set(problems.map(\.line)).count }
}
