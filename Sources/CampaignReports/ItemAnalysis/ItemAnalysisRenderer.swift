public import Foundation
public import LearningCore

/// Renders a course's item analysis in each format, its words from the strings file.
public enum ItemAnalysisRenderer {
    /// The analysis as `format`; dates are shown in `timeZone` (the campaign's).
    /// - Throws: `OfficeFileError` when an .xlsx cannot be assembled, an encoding error for JSON.
    public static func render(_ analysis: CourseItemAnalysis, as format: ItemAnalysisFormat, words: any Localizer,
                              timeZone: TimeZone) throws -> Data {
        switch format {
        case .html: Data(ItemAnalysisPage.render(analysis, words: words, timeZone: timeZone).utf8)
        case .csv: Data(csv(analysis, words: words, timeZone: timeZone).utf8)
        // Without attempts the workbook's one sheet says so in A1.
        case .xlsx: try XLSXRenderer.render(
            tables: ItemAnalysisTables.tables(analysis, words: words),
            title: analysis.hasAttempts ? ItemAnalysisTables.heading(analysis, words: words)
                : words.text("report.items.no_attempts_course", [analysis.courseTitle]),
            sheetName: ItemAnalysisTables.heading(analysis, words: words))
        case .json: try JSONReportCoder.encoder.encode(analysis)
        }
    }

    /// The heading lines, then one block per quiz: its table, or the line saying it had no attempt.
    static func csv(_ analysis: CourseItemAnalysis, words: any Localizer, timeZone: TimeZone) -> String {
        var blocks = [ItemAnalysisTables.introduction(analysis, words: words, timeZone: timeZone)
            .map(CSVRenderer.line).joined(separator: "\r\n") + "\r\n"]
        var number = 0
        for quiz in analysis.quizzes {
            if quiz.questions.isEmpty {
                blocks.append(CSVRenderer.line(ItemAnalysisTables.quizTitle(quiz, words: words)) + "\r\n"
                              + CSVRenderer.line(words.text("report.items.no_attempts")) + "\r\n")
            } else {
                number += 1
                blocks.append(CSVRenderer.render(ItemAnalysisTables.table(quiz, number: number, words: words)))
            }
        }
        return CSVRenderer.byteOrderMark + blocks.joined(separator: "\r\n")
    }
}
