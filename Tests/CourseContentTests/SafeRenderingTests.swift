import CourseContent
import Foundation
import LearningCore
import Testing

@Suite("Lesson HTML is rendered safe")
struct SafeRenderingTests {
    @Test func scriptsAndJavascriptLinksDoNotSurvive() throws {
        let result = CourseLoader().load(directory: FixturePaths.fixtures("unsafe"), displayPath: "unsafe")
        let lesson = try #require(result.courses.first?.lessons.first)
        let html = lesson.bodyHTML.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<img"))
        #expect(html.contains("vào đây"), "the link text itself stays")
        #expect(result.diagnostics.contains { $0.code == .rawHTML }, "the author is told")
        #expect(result.diagnostics.contains { $0.code == .unsafeLink })
    }
}
