import ArgumentParser
import CourseContent
import Foundation
import LearningCore

extension HocTapCommand {
    /// `hoctap courses [--json]`: the courses that load cleanly, with their lessons, questions and tags.
    struct Courses: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liệt kê các khoá học: bài học, câu hỏi, số phút, nội dung thi đua, đối tượng.")

        @Option(name: .customLong("courses"),
                help: "Thư mục khoá học (mặc định: HOCTAP_COURSES, rồi Courses/ ở thư mục đang đứng hoặc cạnh chương trình).")
        var directory: String?

        @Flag(help: "In dạng JSON.")
        var json = false

        @OptionGroup var content: ContentOptions

        func run() throws {
            _ = try content.directory()
            let messages = content.messages()
            let courses: ResourceLocator.Found
            do {
                courses = try ResourceLocator.current.locate(.courses, flag: directory)
            } catch {
                printError(error.message(messages))
                throw ExitCode(1)
            }
            let result = CourseLoader().load(directory: courses.url, displayPath: courses.displayPath)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(result.courses.map(CourseListing.init))
                print(String(decoding: data, as: UTF8.self))
            } else {
                for course in result.courses {
                    print(CourseListing(course).text(messages))
                }
                print(messages.text("cli.courses_summary", [String(result.courses.count)]))
            }
            if !result.rejectedFolders.isEmpty {
                printError(messages.text("cli.check_rejected", [result.rejectedFolders.joined(separator: ", ")]))
            }
        }
    }
}
