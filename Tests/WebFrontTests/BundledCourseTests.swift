import CourseContent
import Foundation
import Hummingbird
import HummingbirdTesting
import LearningCore
import Testing
import WebFront

/// The pages over the real courses of `Courses/`, as `hoctap serve` shows them.
@Suite struct BundledCourseTests {
    static let coursesDirectory = WebTestApp.contentDirectory.deletingLastPathComponent()
        .appendingPathComponent("Courses", isDirectory: true)

    @Test func everyCourseAndLessonOfTheBundledCoursesRenders() async throws {
        let catalog = CourseLoader().load(directory: Self.coursesDirectory, displayPath: "Courses").catalog
        #expect(!catalog.courses.isEmpty)
        try await WebTestApp.test(catalog: catalog) { client in
            for course in catalog.courses {
                try await client.execute(uri: "/khoa-hoc/\(course.id)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains(course.title))
                }
                for lesson in course.lessons {
                    try await client.execute(uri: "/khoa-hoc/\(course.id)/bai/\(lesson.id)", method: .get) { response in
                        #expect(response.status == .ok)
                        let article = String(buffer: response.body)
                            .components(separatedBy: "<article class=\"lesson-body\">").last?
                            .components(separatedBy: "</article>").first ?? ""
                        #expect(article.count > 200, "lesson \(course.id)/\(lesson.id) has an empty body")
                    }
                }
            }
        }
    }
}
