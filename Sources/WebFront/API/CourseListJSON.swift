public import Hummingbird

/// `GET /api/v1/courses`: the catalogue.
public struct CourseListJSON: ResponseCodable, Sendable, Equatable {
    public var courses: [CourseSummaryJSON]

    public init(courses: [CourseSummaryJSON]) {
        self.courses = courses
    }
}
