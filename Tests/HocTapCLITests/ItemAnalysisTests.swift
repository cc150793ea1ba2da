import CampaignReports
import CourseContent
import CSV
import Foundation
import FoundationXML
import LearningCore
import ProgressStore
import Testing
import TestSupport
import ZIPFoundation

/// `hoctap report items`: the statistics of `ItemAnalysisFixture` (hand-counted there), each format, and the
/// command's refusals.
@Suite("Item analysis of a course's quizzes")
struct ItemAnalysisTests {
    static let words = try! MessageCatalog(contentDirectory: ReadOnlyCommandTests.root.appendingPathComponent("Content"))
    static let vietnam = ReportFixture.vietnam

    /// A folder with the fixture's database; removed at the end.
    final class Desk {
        let folder: URL
        let path: String
        let store: AppDatabase

        init() async throws {
            folder = try ReadOnlyCommandTests.temporaryFolder()
            path = folder.appendingPathComponent("phan-tich.sqlite").path
            store = try await ItemAnalysisFixture.store(at: path)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func analysis(_ period: ReportingPeriod = ItemAnalysisFixture.period,
                      course: String = ItemAnalysisFixture.courseID) async throws -> CourseItemAnalysis {
            try await ItemAnalysisBuilder.analyse(courseID: course, in: ItemAnalysisFixture.catalog, period: period,
                                                  repository: store)
        }
    }

    func line(_ analysis: CourseItemAnalysis, _ id: String) throws -> QuestionItemAnalysis {
        try #require(analysis.quizzes.first?.questions.first { $0.questionID == id })
    }

    @Test func theFiguresAreTheHandCountedOnes() async throws {
        let analysis = try await Desk().analysis()
        let final = try #require(analysis.quizzes.first)
        #expect(final.isFinal)
        #expect(final.attempts == 5, "each learner's first attempt in the period, once")
        #expect(final.questions.map(\.questionID) == ["q1", "q2", "q3"])

        let q1 = try line(analysis, "q1").statistics
        #expect(q1.attempts == 5 && q1.unanswered == 0)
        #expect(q1.facility == 60.0)
        #expect(q1.standardDeviation == 54.8)
        #expect(q1.discrimination == 16.7)
        #expect(q1.discriminativeEfficiency == 16.7)
        #expect(q1.flags.isEmpty)

        let q2 = try line(analysis, "q2").statistics
        #expect(q2.facility == 60.0, "half credits count as halves")
        #expect(q2.standardDeviation == 41.8)
        #expect(q2.discrimination == -64.3)
        #expect(q2.discriminativeEfficiency == -81.8)
        #expect(q2.flags == [.negativeDiscrimination])

        let q3 = try line(analysis, "q3").statistics
        #expect(q3.unanswered == 1)
        #expect(q3.facility == 20.0)
        #expect(q3.standardDeviation == 44.7)
        #expect(q3.discrimination == -19.6)
        #expect(q3.discriminativeEfficiency == -25.0)
        #expect(q3.flags == [.tooHard, .negativeDiscrimination])
    }

    @Test func theChoicesAndTypedAnswersAreCounted() async throws {
        let analysis = try await Desk().analysis()
        let q1 = try line(analysis, "q1").answers
        #expect(q1.map(\.answer) == ["a", "b", "c"])
        #expect(q1.map(\.count) == [3, 1, 1])
        #expect(q1.map(\.isCorrect) == [true, false, false])
        let q2 = try line(analysis, "q2").answers
        #expect(q2.map(\.count) == [3, 3, 1], "a multiple-choice answer counts once for each choice it holds")
        let q3 = try line(analysis, "q3").answers
        #expect(q3.map(\.answer) == ["abc", "mật khẩu", "xyz"])
        #expect(q3.map(\.count) == [2, 1, 1])
    }

    @Test func theLessonCheckIsAnalysedApart() async throws {
        let analysis = try await Desk().analysis()
        let check = try #require(analysis.quizzes.last)
        #expect(!check.isFinal)
        #expect(check.attempts == 1)
        #expect(check.questions.first?.statistics.facility == 100.0)
        #expect(check.questions.first?.statistics.flags == [.tooEasy])
        #expect(check.questions.first?.statistics.discrimination == nil, "one attempt: no correlation")
    }

    @Test func aPeriodWithoutAttemptsSaysSoInEveryFormat() async throws {
        let empty = ReportingPeriod(start: ReportFixture.local(2024, 1, 1, 0), end: ReportFixture.local(2025, 1, 1, 0))
        let analysis = try await Desk().analysis(empty)
        #expect(!analysis.hasAttempts)
        #expect(analysis.quizzes.allSatisfy { $0.questions.isEmpty }, "no table of zeros")
        // The sentence after the course's name (which is quoted, so escaped differently in each format).
        let sentence = "không có lượt làm bài kiểm tra nào trong kỳ này"
        #expect(Self.words.text("report.items.no_attempts_course", ["Khoá phân tích"]).contains(sentence))
        let html = try render(analysis, .html)
        #expect(html.contains(sentence))
        #expect(!html.contains("<table"))
        #expect(try render(analysis, .csv).contains(sentence))
        let workbook = try Archive(data: try ItemAnalysisRenderer.render(analysis, as: .xlsx, words: Self.words,
                                                                          timeZone: Self.vietnam), accessMode: .read)
        var sheet = Data()
        _ = try workbook.extract(try #require(workbook["xl/worksheets/sheet1.xml"])) { sheet.append($0) }
        #expect(String(decoding: sheet, as: UTF8.self).contains(sentence))
        let json = try JSONSerialization.jsonObject(with: ItemAnalysisRenderer.render(
            analysis, as: .json, words: Self.words, timeZone: Self.vietnam)) as? [String: Any]
        #expect((json?["quizzes"] as? [[String: Any]])?.first?["attempts"] as? Int == 0)
    }

    @Test func htmlHasTheScatterChartAndEscapesEverything() async throws {
        let analysis = try await Desk().analysis()
        let html = try render(analysis, .html)
        let xml = try XMLDocument(data: Data(html.utf8))
        let svgs = try xml.nodes(forXPath: "//*[local-name()='svg']")
        #expect(svgs.count == 1, "a chart for the final quiz; the check's only question has no discrimination")
        let labels = try xml.nodes(forXPath: "//*[local-name()='svg']//*[local-name()='text']").compactMap(\.stringValue)
        #expect(labels.contains("q1") && labels.contains("q2") && labels.contains("q3"), "each point labelled by id")
        #expect(try xml.nodes(forXPath: "//*[local-name()='rect'][@class='flagged']").count == 2, "q2 and q3 stand out")
        #expect(!html.contains("<b>câu ba</b>"), "a prompt's markup is escaped")
        #expect(html.contains("&lt;b&gt;câu ba&lt;/b&gt;"))
        #expect(html.contains("<td class=\"n\">-64,3</td>") || html.contains("<td class=\"n\">−64,3</td>"))
        #expect(html.contains(Self.words.text("report.items.flag.too-hard")))
    }

    @Test func clusteredPointsKeepTheirLabelsApart() throws {
        // Six questions with the same figures (facility 80%, discrimination 35.4%): one point, six labels.
        let lines = (1...6).map { index in
            let id = "\(ItemAnalysisFixture.courseID)/cau-\(index)"
            let sums = ItemSums(questionID: id, attempts: 10, unanswered: 0, sumScore: 8, sumScoreSquares: 8,
                                sumRest: 40, sumRestSquares: 180, sumProducts: 34, sumSortedProducts: 36)
            return QuestionItemAnalysis(questionID: id, prompt: "Câu \(index)", kind: .singleChoice,
                                        statistics: ItemStatistics(sums), answers: [])
        }
        let analysis = CourseItemAnalysis(
            courseID: ItemAnalysisFixture.courseID, courseTitle: "Khoá phân tích", period: ItemAnalysisFixture.period,
            quizzes: [QuizItemAnalysis(quizID: ItemAnalysisFixture.quizID, title: "Bài kiểm tra", isFinal: true,
                                       attempts: 10, questions: lines)])
        let xml = try XMLDocument(data: Data(try render(analysis, .html).utf8))
        let labels = try xml.nodes(forXPath: "//*[local-name()='svg']//*[local-name()='text']")
            .compactMap { $0 as? XMLElement }.filter { $0.stringValue?.hasPrefix("cau-") == true }
        #expect(labels.count == 6, "six points at one place, each labelled by its id without the course")
        let places = Set(try labels.map { label in
            try ["@x", "@y"].map { try label.nodes(forXPath: $0).first?.stringValue ?? "" }.joined(separator: "|")
        })
        #expect(places.count == 6, "no two labels written over each other: \(places)")
    }

    @Test func csvParsesAndNeutralisesAFormula() async throws {
        let csv = try render(try await Desk().analysis(), .csv)
        #expect(csv.hasPrefix(CSVRenderer.byteOrderMark))
        let rows = Array(try CSVReader(string: String(csv.dropFirst())))
        let q2 = try #require(rows.first { $0.first == "q2" })
        #expect(Array(q2[2...7]) == ["5", "0", "60.0", "41.8", "-64.3", "-81.8"])
        #expect(q2[8] == "a (đúng): 3; b (đúng): 3; c: 1")
        let q3 = try #require(rows.first { $0.first == "q3" })
        #expect(q3[1].hasPrefix("'=HYPERLINK"), "a prompt starting with = is not a formula")
    }

    @Test func xlsxOpensWithASheetPerAttemptedQuiz() async throws {
        let data = try ItemAnalysisRenderer.render(try await Desk().analysis(), as: .xlsx, words: Self.words,
                                                   timeZone: Self.vietnam)
        let archive = try Archive(data: data, accessMode: .read)
        let sheets = archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/sheet") }
        #expect(sheets.count == 2, "the final quiz and the lesson check")
        var text = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { text.append($0) }
        let sheet = try XMLDocument(data: text)
        let values = try sheet.nodes(forXPath: "//*[local-name()='v']").compactMap(\.stringValue)
        for number in ["60.0", "54.8", "-64.3", "-81.8", "20.0", "-19.6"] {
            #expect(values.contains(number) || values.contains(String(Double(number)!)), "\(number) in the sheet")
        }
    }

    @Test func jsonDecodesBackToTheAnalysis() async throws {
        let analysis = try await Desk().analysis()
        let data = try ItemAnalysisRenderer.render(analysis, as: .json, words: Self.words, timeZone: Self.vietnam)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(CourseItemAnalysis.self, from: data) == analysis)
    }

    @Test func anUnknownCourseOrOneWithoutQuizIsRefused() async throws {
        let desk = try await Desk()
        await #expect(throws: ItemAnalysisRefusal(.unknownCourse, courseID: "khong-co")) {
            try await desk.analysis(course: "khong-co")
        }
        await #expect(throws: ItemAnalysisRefusal(.noQuiz, courseID: "khong-kiem-tra")) {
            try await desk.analysis(course: "khong-kiem-tra")
        }
        #expect(Self.words.text(ItemAnalysisRefusal(.noQuiz, courseID: "x")).contains("không có bài kiểm tra"))
    }

    @Test func theCommandRefusesAnUnknownCourseInVietnamese() async throws {
        let desk = try await Desk()
        let (status, output, errors) = try run(["report", "items", "--course", "khong-co", "--year", "2026",
                                                "--db", desk.path])
        #expect(status == 1)
        #expect(errors.contains("Không có khoá học mã \"khong-co\""))
        #expect(output.isEmpty)
    }

    @Test func theCommandSaysWhenThePeriodHadNoAttempt() async throws {
        let desk = try await Desk()
        let file = desk.folder.appendingPathComponent("cau-hoi.json").path
        let (status, output, _) = try run(["report", "items", "--course", "ky-nang-so-co-ban", "--year", "2026",
                                           "--format", "json", "-o", file, "--db", desk.path])
        #expect(status == 0)
        #expect(output.contains("không có lượt làm bài kiểm tra nào trong kỳ này"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
        #expect((json as? [String: Any])?["courseID"] as? String == "ky-nang-so-co-ban")
    }

    private func render(_ analysis: CourseItemAnalysis, _ format: ItemAnalysisFormat) throws -> String {
        String(decoding: try ItemAnalysisRenderer.render(analysis, as: format, words: Self.words,
                                                         timeZone: Self.vietnam), as: UTF8.self)
    }

    /// The real binary over the repository's Content/ and Courses/: status, standard output, standard error.
    private func run(_ arguments: [String]) throws -> (Int32, String, String) {
        let result = try HoctapExecutable.run(arguments + ["--content", ReadOnlyCommandTests.content,
                                                           "--courses", ReadOnlyCommandTests.courses])
        return (result.status, String(decoding: result.output, as: UTF8.self), result.error)
    }
}
