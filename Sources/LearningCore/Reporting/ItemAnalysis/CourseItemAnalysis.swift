/// Phân tích câu hỏi: the item analysis of one course's quizzes over a period, for staff.
public struct CourseItemAnalysis: Sendable, Hashable, Codable {
    /// The course's id (its folder name).
    public var courseID: String
    /// The course's title.
    public var courseTitle: String
    /// The period whose attempts are analysed.
    public var period: ReportingPeriod
    /// The final quiz first, then the lesson checks in reading order.
    public var quizzes: [QuizItemAnalysis]

    /// An analysis as `ItemAnalysisBuilder` makes it.
    public init(courseID: String, courseTitle: String, period: ReportingPeriod, quizzes: [QuizItemAnalysis]) {
        self.courseID = courseID
        self.courseTitle = courseTitle
        self.period = period
        self.quizzes = quizzes
    }

    /// Whether any quiz of the course was attempted in the period.
    public var hasAttempts: Bool { quizzes.contains { $0.attempts > 0 } }
}
