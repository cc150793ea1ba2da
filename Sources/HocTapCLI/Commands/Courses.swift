import ArgumentParser
import CourseContent
import Foundation
import LearningCore

extension HocTapCommand {
    /// `hoctap courses [--json]`: the courses that load cleanly, with their lessons, questions and tags.
    struct Courses: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liệt kê các khoá học: bài học, câu hỏi, số phút, nội dung thi đua, đối tượng.")

        @Option(name: .customLong("courses"), help: "Thư mục khoá học.")
        var directory: String = "Courses"

        @Flag(help: "In dạng JSON.")
        var json = false

        @OptionGroup var content: ContentOptions

        func run() throws {
            let messages = content.messages()
            let result = CourseLoader().load(directory: URL(fileURLWithPath: directory), displayPath: directory)
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
