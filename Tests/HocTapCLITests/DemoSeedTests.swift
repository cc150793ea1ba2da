import CourseContent
import Foundation
import LearningCore
import ProgressStore
import Testing

/// `hoctap demo seed` must leave data the item analysis can say something real about: every quiz of a course,
/// its lessons' checks included, answered, and questions of different difficulty.
@Suite("The demo data feeds the item analysis")
struct DemoSeedTests {
    @Test func theDemoAnswersEveryQuizOfACourseWithQuestionsOfDifferentDifficulty() async throws {
        let folder = try ReadOnlyCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        let status = await ReadOnlyCommandTests.hoctap([
            "demo", "seed", "--learners", "60", "--year", "2026", "--db", path,
            "--content", ReadOnlyCommandTests.content, "--courses", ReadOnlyCommandTests.courses,
        ])
        try #require(status == 0)

        let catalog = CourseLoader().load(directory: URL(fileURLWithPath: ReadOnlyCommandTests.courses),
                                          displayPath: "Courses").catalog
        let campaign = try CampaignConfigurationLoader.load(
            contentDirectory: URL(fileURLWithPath: ReadOnlyCommandTests.content))
        let analysis = try await ItemAnalysisBuilder.analyse(
            courseID: "ky-nang-so-co-ban", in: catalog, period: campaign.period(year: 2026),
            repository: try AppDatabase(path: path))
        let checks = analysis.quizzes.filter { !$0.isFinal }
        #expect(!checks.isEmpty, "the course has lesson checks")
        for quiz in analysis.quizzes {
            #expect(quiz.attempts > 0, "\(quiz.title): no attempts in the demo data")
        }
        let final = try #require(analysis.quizzes.first { $0.isFinal })
        let facilities = final.questions.compactMap(\.statistics.facility)
        #expect(facilities.count == final.questions.count)
        #expect((facilities.max() ?? 0) - (facilities.min() ?? 0) >= 20,
                "easy and hard questions, not one difficulty for all: \(facilities)")
        #expect(final.questions.contains { $0.statistics.discrimination != nil })
    }
}
