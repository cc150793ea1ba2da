public import ArgumentParser
public import CampaignReports
import CourseContent
import Foundation
import LearningCore
import ProgressStore

/// `--format html|csv|xlsx|json` of `hoctap report items`.
extension ItemAnalysisFormat: ExpressibleByArgument {}

extension HocTapCommand.Report {
    /// `hoctap report items --course ID --year 2026`: per question of the course's quizzes, how easy it was, how
    /// well it told stronger learners from weaker ones and how often each choice was picked (for staff).
    struct Items: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Phân tích câu hỏi kiểm tra của một khoá học trong một kỳ (độ dễ, độ phân biệt, phương án chọn).")
        @Option(help: "Mã khoá học.") var course: String
        @OptionGroup var period: PeriodOptions
        @Option(help: "Định dạng: html, csv, xlsx, json.") var format: ItemAnalysisFormat = .html
        @Option(name: .shortAndLong, help: "Tệp kết quả (bắt buộc với xlsx; mặc định in ra màn hình).")
        var output: String?
        @OptionGroup var courses: CoursesOptions
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if format == .xlsx && output == nil {
                throw ValidationError("Định dạng xlsx cần --output TỆP.")
            }
        }

        /// Read only: the store is opened read-only and nothing is written but the output.
        func run() async throws {
            try await store.run(.readOnly) { database, messages in
                let campaign = try CampaignConfigurationLoader.load(contentDirectory: try store.content.locate().url)
                let span = try period.period(campaign)
                let analysis = try await ItemAnalysisBuilder.analyse(
                    courseID: course, in: try courses.catalog(), period: span, repository: database)
                let data = try ItemAnalysisRenderer.render(analysis, as: format, words: messages,
                                                           timeZone: campaign.timeZone)
                if let output {
                    try data.write(to: URL(fileURLWithPath: output), options: .atomic)
                    print(messages.text("cli.report_written", [output]))
                    // Said on the screen too, so an empty analysis is never mistaken for a finished one.
                    if !analysis.hasAttempts {
                        print(messages.text("report.items.no_attempts_course", [analysis.courseTitle]))
                    }
                } else {
                    FileHandle.standardOutput.write(data)
                }
            }
        }
    }
}
