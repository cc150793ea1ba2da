import ArgumentParser
import CourseContent
import LearningCore
import Foundation

extension HocTapCommand {
    /// `hoctap check [DIR]`: every problem of every course file, then a summary. Exit 1 on any error, and with
    /// `--strict` on any warning too (the item-writing guidance among them).
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kiểm tra các khoá học: in mọi lỗi dạng path:line:column, thoát với mã 1 nếu có lỗi.")

        @Argument(help: "Thư mục khoá học (mặc định: HOCTAP_COURSES, rồi Courses/ ở thư mục đang đứng hoặc cạnh chương trình).")
        var directory: String?

        @Flag(help: "Coi mọi cảnh báo (kể cả cảnh báo về cách viết câu hỏi) là lỗi: dùng khi duyệt khoá học trước khi phát hành.")
        var strict = false

        @OptionGroup var content: ContentOptions

        func run() throws {
            _ = try content.directory()
            let messages = content.messages()
            let courses: ResourceLocator.Found
            do {
                courses = try ResourceLocator.current.locate(.courses, flag: directory)
            } catch {
                printError(error.message(messages))
                throw ExitCode(2)
            }
            let result = CourseLoader().load(directory: courses.url, displayPath: courses.displayPath)
            for diagnostic in result.diagnostics {
                print(diagnostic.formatted(with: messages, strict: strict))
            }
            let questions = result.courses.reduce(0) { $0 + $1.questionCount }
            let lessons = result.courses.reduce(0) { $0 + $1.lessons.count }
            let errors = strict ? result.errorCount + result.warningCount : result.errorCount
            print(messages.text("cli.check_summary", [
                String(result.courses.count), String(lessons), String(questions),
                String(errors), String(strict ? 0 : result.warningCount),
            ]))
            if !result.rejectedFolders.isEmpty {
                print(messages.text("cli.check_rejected", [result.rejectedFolders.joined(separator: ", ")]))
            }
            if errors > 0 { throw ExitCode(1) }
        }
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
