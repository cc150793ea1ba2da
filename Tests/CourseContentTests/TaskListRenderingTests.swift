import CourseContent
import Foundation
import LearningCore
import Testing

/// What the real browser of the reliability suite (Reliability/browser) found in a bundled lesson: axe-core's
/// "label" on the twelve boxes of the self-review checklist of "Bảo vệ dữ liệu cá nhân", lesson 6. cmark-gfm
/// draws "- [ ] …" as a disabled checkbox without a label; the box is now hidden from screen readers, which read
/// the item's text.
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
}
