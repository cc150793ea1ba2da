import Foundation
import LearningCore

/// The item analysis as one HTML page for staff: the introduction, the meaning of each figure, then per quiz its
/// scatter chart and its table (or the sentence saying it had no attempt). Well-formed markup, every text escaped.
enum ItemAnalysisPage {
    static func render(_ analysis: CourseItemAnalysis, words: any Localizer, timeZone: TimeZone) -> String {
        let introduction = ItemAnalysisTables.introduction(analysis, words: words, timeZone: timeZone)
        var html = """
            <!DOCTYPE html>
            <html lang="vi" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(e(introduction[0]))</title>
            <style>\(stylesheet)</style>
            </head>
            <body>
            <main class="items">
            <h1>\(e(introduction[0]))</h1>

            """
        for line in introduction.dropFirst() {
            html += "<p>\(e(line))</p>\n"
        }
        html += "<ul class=\"legend\">\n"
        for key in ["facility", "discrimination", "efficiency"] {
            html += "<li>\(e(words.text("report.items.legend.\(key)")))</li>\n"
        }
        html += "</ul>\n"
        var number = 0
        for quiz in analysis.quizzes {
            let title = ItemAnalysisTables.quizTitle(quiz, words: words)
            html += "<section class=\"quiz\">\n<h2>\(e(title))</h2>\n"
            guard !quiz.questions.isEmpty else {
                html += "<p class=\"empty\">\(e(words.text("report.items.no_attempts")))</p>\n</section>\n"
                continue
            }
            number += 1
            html += "<p>\(e(words.text("report.items.attempts", [VietnameseFormat.integer(quiz.attempts)])))</p>\n"
            let points = quiz.questions.compactMap { line -> SVGScatterChart.Point? in
                guard let x = line.statistics.facility, let y = line.statistics.discrimination else { return nil }
                return SVGScatterChart.Point(label: chartLabel(line.questionID, course: analysis.courseID), x: x, y: y,
                                             isFlagged: !line.statistics.flags.isEmpty)
            }
            if !points.isEmpty {
                html += "<figure class=\"chart\">\n"
                html += SVGScatterChart.render(
                    title: words.text("report.items.chart.title", [quiz.title]),
                    xLabel: words.text("report.items.chart.facility"),
                    yLabel: words.text("report.items.chart.discrimination"), points: points)
                html += "\n<figcaption>\(e(words.text("report.items.chart.note")))</figcaption>\n</figure>\n"
            }
            html += table(ItemAnalysisTables.table(quiz, number: number, words: words), quiz: quiz)
            html += "</section>\n"
        }
        return html + "</main>\n</body>\n</html>\n"
    }

    /// The table, a flagged question's row marked so it stands out.
    private static func table(_ table: ReportTable, quiz: QuizItemAnalysis) -> String {
        var html = "<table>\n<caption>\(e(table.title))</caption>\n<thead><tr>"
        html += table.columns.map { "<th>\(e($0.title))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for (row, line) in zip(table.rows, quiz.questions) {
            html += line.statistics.flags.isEmpty ? "<tr>" : "<tr class=\"flagged\">"
            html += row.map { cell in
                cell.isText ? "<td>\(e(cell.display))</td>" : "<td class=\"n\">\(e(cell.display))</td>"
            }.joined()
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A question's id without its course's prefix (`ky-nang-so-co-ban/ma-otp` → `ma-otp`), as the chart labels
    /// it; the table beside it gives the whole id.
    static func chartLabel(_ questionID: String, course courseID: String) -> String {
        questionID.hasPrefix(courseID + "/") ? String(questionID.dropFirst(courseID.count + 1)) : questionID
    }

    private static func e(_ text: String) -> String { MarkupEscaping.escape(text) }

    static let stylesheet = """

        body { margin: 0; font-family: \(HTMLRenderer.fontFamily); font-size: 13pt; line-height: 1.35; color: #000; }
        .items { max-width: 290mm; margin: 8mm auto; padding: 0 8mm; }
        h1 { font-size: 16pt; } h2 { font-size: 14pt; margin-top: 8mm; }
        table { border-collapse: collapse; width: 100%; font-size: 10.5pt; margin: 3mm 0 6mm; }
        caption { font-weight: bold; text-align: left; margin-bottom: 2mm; }
        th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
        td.n { text-align: right; white-space: nowrap; }
        tr.flagged td { font-weight: bold; background: #eee; }
        figure.chart { margin: 3mm 0; } figure.chart svg { max-width: 100%; height: auto; }
        figcaption { font-style: italic; font-size: 11pt; }
        .empty { font-weight: bold; }
        @page { size: A4 landscape; margin: 15mm; }

        """
}
