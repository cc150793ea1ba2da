extension StaffService {
    /// The item analysis of `courseID`'s quizzes over `period` (`ItemAnalysisBuilder`), for commune staff and
    /// admins: it counts the whole commune's attempts, so a unit clerk is refused with `forbidden`.
    public func itemAnalysis(_ staff: StaffIdentity, courseID: String, period: ReportingPeriod,
                             catalog: any CourseCatalog, over repository: any ItemAnalysisRepository)
        async throws -> CourseItemAnalysis
    {
        guard staff.role != .unitClerk else { throw LearningError(.forbidden, courseID) }
        return try await ItemAnalysisBuilder.analyse(courseID: courseID, in: catalog, period: period,
                                                     repository: repository)
    }
}
