import Foundation

/// A catalogue held in memory: what the loader returns and what tests build.
public struct InMemoryCourseCatalog: CourseCatalog {
    public let courses: [Course]
    private let byID: [String: Course]

    public init(courses: [Course]) {
        self.courses = courses.sorted { $0.id < $1.id }
        self.byID = Dictionary(courses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func course(id: String) -> Course? { byID[id] }
}
