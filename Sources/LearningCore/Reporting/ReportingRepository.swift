/// The counts reports are made of, computed where the data is (SQL aggregates), never by loading attempts.
public protocol ReportingRepository: Sendable {
    /// Learner-level and course-level figures per unit and category for a period.
    func figures(for period: ReportingPeriod) async throws -> (groups: [LearnerGroupFigures], courses: [CourseGroupFigures])
}
