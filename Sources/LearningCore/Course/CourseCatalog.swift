import Foundation
/// Where the fronts find courses; CourseContent implements it over `Courses/`.
public protocol CourseCatalog: Sendable {
    /// Every loaded course, in id order.
    var courses: [Course] { get }
    /// The course with that id, if loaded.
    func course(id: String) -> Course?
}

