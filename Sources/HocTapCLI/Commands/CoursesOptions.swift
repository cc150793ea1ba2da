import ArgumentParser
import CourseContent
import LearningCore

/// The `--courses` option of every command that serves or counts the courses, and the one place that finds the
/// folder (flag, then environment, then working directory, then beside the executable) and loads it.
struct CoursesOptions: ParsableArguments {
    @Option(name: .customLong("courses"),
            help: "Thư mục khoá học (mặc định: HOCTAP_COURSES, rồi Courses/ ở thư mục đang đứng hoặc cạnh chương trình).")
    var directory: String?

    /// The courses that load cleanly (a course with errors is left out, as `hoctap check` reports).
    func catalog() throws -> InMemoryCourseCatalog {
        let courses = try ResourceLocator.current.locate(.courses, flag: directory)
        return CourseLoader().load(directory: courses.url, displayPath: courses.displayPath).catalog
    }
}
