import CourseContent
import Foundation
import LearningCore
import Testing

/// What the real browser of the reliability suite (Reliability/browser) found in a bundled lesson: axe-core's
/// "label" on the twelve boxes of the self-review checklist of "Bảo vệ dữ liệu cá nhân", lesson 6. cmark-gfm
/// draws "- [ ] …" as a disabled checkbox without a label; the box is now hidden from screen readers, which read
/// the item's text. Its screenshot also showed each box drawn as a full-width 48px form field, the item's text
/// pushed to the far side of the line: the kiosk stylesheet now draws a small box before the text.
@Suite struct TaskListRenderingTests {
    @Test func aTaskListBoxIsHiddenFromScreenReadersAndTheItemsTextStays() throws {
        let result = CourseLoader().load(directory: FixturePaths.bundledCourses, displayPath: "Courses")
        let course = try #require(result.courses.first { $0.id == "bao-ve-du-lieu-ca-nhan" })
        let lesson = try #require(course.lessons.first { $0.bodyMarkdown.contains("- [ ] Email, ngân hàng") })
        let html = lesson.bodyHTML
        let boxes = html.components(separatedBy: "<input type=\"checkbox\"").dropFirst()
        #expect(boxes.count == 12, "the checklist's twelve items")
        for box in boxes {
            let tag = String(box.prefix { $0 != ">" })
            #expect(tag.contains(" disabled=\"\"") && tag.contains(" aria-hidden=\"true\""), "\(tag)")
        }
        #expect(html.contains("aria-hidden=\"true\" /> Email, ngân hàng, Facebook, Zalo của tôi mỗi nơi một mật khẩu riêng."))
    }

    @Test func theKioskStylesheetDrawsATaskBoxSmallBeforeItsText() throws {
        let css = try String(contentsOf: FixturePaths.content.appendingPathComponent("web/static/kiosk.css"), encoding: .utf8)
        let rule = try #require(css.components(separatedBy: "\n").first { $0.hasPrefix(".lesson-body input[type=\"checkbox\"] {") })
        for declaration in ["width: 1.3rem;", "height: 1.3rem;", "min-height: 0;", "max-width: none;"] {
            #expect(rule.contains(declaration), "the form fields' 100% width and 48px height do not apply")
        }
        #expect(css.contains(".lesson-body ul:has(> li > input[type=\"checkbox\"])"), "no bullet beside the box")
    }
}
