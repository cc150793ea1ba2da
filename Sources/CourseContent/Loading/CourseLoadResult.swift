public import Foundation
public import LearningCore

/// What loading a `Courses/` folder gives: the courses fit to serve, and every problem found.
public struct CourseLoadResult: Sendable {
    /// Courses with no errors (warnings allowed), in id order.
    public var courses: [Course]
    /// Folders whose course has errors and is therefore not served.
    public var rejectedFolders: [String]
    /// Every problem, sorted by file and position.
    public var diagnostics: [Diagnostic]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// The courses as a catalogue for the fronts.
    public var catalog: InMemoryCourseCatalog { InMemoryCourseCatalog(courses: courses) }
}
