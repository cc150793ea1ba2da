import Foundation
import LearningCore

/// The item analysis as report tables (one per quiz that was attempted) and the lines that introduce them:
/// what the HTML page, the CSV and the workbook all show.
enum ItemAnalysisTables {
    static func heading(_ analysis: CourseItemAnalysis, words: any Localizer) -> String {
        words.text("report.items.title", [analysis.courseTitle])
    }

    /// Title, course, period, method, and the no-attempt sentence when nothing was attempted.
    static func introduction(_ analysis: CourseItemAnalysis, words: any Localizer, timeZone: TimeZone) -> [String] {
        var lines = [heading(analysis, words: words),
                     words.text("report.items.course", [analysis.courseTitle, analysis.courseID]),
                     period(analysis.period, words: words, timeZone: timeZone),
                     words.text("report.items.method")]
        if !analysis.hasAttempts {
            lines.append(words.text("report.items.no_attempts_course", [analysis.courseTitle]))
        }
        return lines
    }

    /// "Kỳ phân tích: từ ngày 11/12/2025 đến hết ngày 10/12/2026" (the end is exclusive, its last day shown).
    static func period(_ period: ReportingPeriod, words: any Localizer, timeZone: TimeZone) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "vi_VN")
        format.timeZone = timeZone
        format.dateFormat = "dd/MM/yyyy"
        return words.text("report.items.period", [format.string(from: period.start),
                                                  format.string(from: period.end.addingTimeInterval(-1))])
    }

    /// The final quiz by its own title (authors write "Bài kiểm tra cuối khoá …"); a check by its lesson's.
    static func quizTitle(_ quiz: QuizItemAnalysis, words: any Localizer) -> String {
        quiz.isFinal ? quiz.title : words.text("report.items.quiz_check", [quiz.title])
    }

    /// A table for each quiz with attempts, numbered in order.
    static func tables(_ analysis: CourseItemAnalysis, words: any Localizer) -> [ReportTable] {
        analysis.quizzes.filter { !$0.questions.isEmpty }.enumerated().map { index, quiz in
            table(quiz, number: index + 1, words: words)
        }
    }

    static func table(_ quiz: QuizItemAnalysis, number: Int, words: any Localizer) -> ReportTable {
        let column = { (key: String, numeric: Bool) in
            ReportColumn(words.text("report.items.column.\(key)"), numeric: numeric)
        }
        let columns = [column("question_id", false), column("prompt", false), column("attempts", true),
                       column("unanswered", true), column("facility", true), column("deviation", true),
                       column("discrimination", true), column("efficiency", true), column("answers", false),
                       column("flags", false)]
        let rows: [[ReportCell]] = quiz.questions.map { line in
            let statistics = line.statistics
            return [.text(line.questionID), .text(line.prompt ?? words.text("report.items.not_in_course")),
                    .integer(statistics.attempts), .integer(statistics.unanswered), .decimal(statistics.facility),
                    .decimal(statistics.standardDeviation), .decimal(statistics.discrimination),
                    .decimal(statistics.discriminativeEfficiency), .text(answers(line, words: words)),
                    .text(flags(statistics.flags, words: words))]
        }
        return ReportTable(id: "phan-tich-\(number)",
                           title: words.text("report.items.table", [String(number), quizTitle(quiz, words: words)]),
                           columns: columns, rows: rows)
    }

    /// "a (đúng): 4; b: 1; c: 0" for choices; "“12”: 3; …" for typed answers.
    static func answers(_ line: QuestionItemAnalysis, words: any Localizer) -> String {
        let typed = line.kind == .shortText || line.kind == .number
        return line.answers.map { tally in
            let name = typed ? "“\(tally.answer)”" : tally.answer
            let mark = tally.isCorrect == true ? " (\(words.text("report.items.correct")))" : ""
            return "\(name)\(mark): \(tally.count)"
        }.joined(separator: "; ")
    }

    static func flags(_ flags: [ItemFlag], words: any Localizer) -> String {
        flags.map { words.text("report.items.flag.\($0.rawValue)") }.joined(separator: "; ")
    }
}
