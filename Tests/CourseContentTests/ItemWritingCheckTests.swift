import CourseContent
import Foundation
import Testing

/// The item-writing check: each rule warns where it should, with its key, at the question's heading (or at
/// `course.md` for the course-wide shares), and says nothing about the well-written counterpart beside it.
@Suite("Item-writing check")
struct ItemWritingCheckTests {
    /// The fixture course with `quiz.md` replaced and, when given, lesson 1's check section replaced.
    static func load(quiz: String, lessonCheck: String? = nil) throws -> (diagnostics: [String], folder: TemporaryCourses) {
        let folder = try TemporaryCourses(copying: FixturePaths.fixtures("valid"))
        let course = folder.url.appendingPathComponent("mau")
        try ("---\ntitle: Bài kiểm tra\nshuffle_choices: true\n---\n\n" + quiz)
            .write(to: course.appendingPathComponent("quiz.md"), atomically: true, encoding: .utf8)
        if let lessonCheck {
            try ("---\ntitle: Mật khẩu mạnh\nminutes: 5\n---\n\nMột mật khẩu mạnh thì dài và khó đoán.\n\n# Kiểm tra\n\n"
                 + lessonCheck)
                .write(to: course.appendingPathComponent("01-mat-khau.md"), atomically: true, encoding: .utf8)
        }
        let result = CourseLoader().load(directory: folder.url, displayPath: "x")
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        return (result.diagnostics.map { "\($0.path):\($0.line):\($0.column) \($0.code.rawValue) \($0.arguments)" },
                folder)
    }

    @Test func eachQuestionRuleWarnsAtItsQuestionAndNotAtTheGoodOne() throws {
        let quiz = """
            ## Mã OTP luôn được gửi qua tin nhắn.

            - [ ] Đúng
            - [x] Sai

            > Có ngân hàng gửi mã qua ứng dụng.

            ## Mã OTP được gửi qua tin nhắn hoặc qua ứng dụng ngân hàng.

            - [x] Đúng
            - [ ] Sai

            > Cả hai cách đều có.

            ## Ngân hàng gọi điện hỏi mã OTP là việc bình thường.

            - [ ] Đúng
            - [x] Sai

            > Ngân hàng không hỏi mã OTP.

            ## Việc nào giúp bảo vệ tài khoản?

            - [ ] Bật xác thực hai bước
            - [ ] Không bấm link lạ
            - [x] Tất cả các ý trên

            > Cả hai việc đều giúp.

            ## Những việc nào giúp bảo vệ tài khoản? {multiple}

            - [x] Bật xác thực hai bước
            - [x] Không bấm link lạ
            - [ ] Đọc mã OTP cho người gọi đến

            > Không ai được biết mã OTP của bạn.

            ## Những việc nào giữ an toàn cho mã OTP? {multiple}

            - [x] Không đọc mã cho ai
            - [ ] Chụp mã gửi cho người thân giữ hộ
            - [x] Xoá tin nhắn có mã sau khi dùng
            - [ ] Đọc mã cho nhân viên ngân hàng gọi đến

            > Mã OTP chỉ mình bạn biết.

            ## Khi nhận tin nhắn báo trúng thưởng một chiếc xe máy, bạn nên làm gì?

            - [x] Xoá tin nhắn báo trúng thưởng một chiếc xe máy
            - [ ] Gọi lại số đã gửi tin
            - [ ] Chuyển phí để nhận thưởng

            > Đó là lừa đảo.

            """
        let (diagnostics, _) = try Self.load(quiz: quiz)
        #expect(diagnostics.contains("x/mau/quiz.md:6:1 item-absolute-word [\"luôn\"]"))
        #expect(diagnostics.contains("x/mau/quiz.md:27:1 item-all-or-none [\"Tất cả các ý trên\"]"))
        #expect(diagnostics.contains("x/mau/quiz.md:35:1 item-single-wrong-choice [\"1\"]"))
        #expect(diagnostics.contains(
            "x/mau/quiz.md:52:1 item-stem-echo [\"Xoá tin nhắn báo trúng thưởng một chiếc xe máy\", "
                + "\"tin nhắn báo trúng thưởng một chiếc xe máy\"]"))
        // The true statement, the false one wrong on substance, and the question with two wrong choices: nothing.
        #expect(diagnostics.count == 4, "\(diagnostics)")
    }

    /// Words are compared lowercased: Vietnamese capitals (Ư, Ơ, Đ, Ă and the precomposed letters with tone
    /// marks) match their small letters, so a capitalised absolute word or echo is still found.
    @Test func capitalsMatchTheirSmallLetters() throws {
        let quiz = """
            ## Mã OTP CHẮC CHẮN được gửi qua tin nhắn.

            - [ ] Đúng
            - [x] Sai

            > Có ngân hàng gửi mã qua ứng dụng.

            ## KHI ĐƯỢC ỨNG DỤNG NHẮC CẬP NHẬT PHẦN MỀM ĐIỆN THOẠI, BẠN NÊN LÀM GÌ?

            - [x] Được ứng dụng nhắc cập nhật phần mềm điện thoại thì cập nhật
            - [ ] Bỏ qua
            - [ ] Gỡ ứng dụng

            > Cập nhật để vá lỗi.

            """
        let (diagnostics, _) = try Self.load(quiz: quiz)
        #expect(diagnostics.contains("x/mau/quiz.md:6:1 item-absolute-word [\"chắc chắn\"]"), "\(diagnostics)")
        #expect(diagnostics.contains(
            "x/mau/quiz.md:13:1 item-stem-echo [\"Được ứng dụng nhắc cập nhật phần mềm điện thoại thì cập nhật\", "
                + "\"được ứng dụng nhắc cập nhật phần mềm điện thoại\"]"), "\(diagnostics)")
    }

    @Test func theCourseWideSharesWarnAtCourseMd() throws {
        // Four lesson-check questions whose right choice is the second and the longest, and four false
        // statements: every course-wide rule is broken once.
        let single = (1...4).map { index in
            """
            ## Câu hỏi số \(index) về mật khẩu?

            - [ ] Ngắn
            - [x] Một câu dài khó đoán \(index)
            - [ ] Vừa

            > Giải thích.

            """
        }.joined(separator: "\n")
        let statements = (1...4).map { index in
            """
            ## Mật khẩu số \(index) nên dán lên màn hình.

            - [ ] Đúng
            - [x] Sai

            > Không nên.

            """
        }.joined(separator: "\n")
        let (diagnostics, _) = try Self.load(quiz: statements, lessonCheck: single)
        let atCourse = diagnostics.filter { $0.hasPrefix("x/mau/course.md:1:1 item-") }
        #expect(atCourse.sorted() == [
            "x/mau/course.md:1:1 item-longest-right [\"4\", \"4\", \"50%\"]",
            "x/mau/course.md:1:1 item-same-position [\"4\", \"4\", \"2\", \"40%\"]",
            "x/mau/course.md:1:1 item-true-false-balance [\"0\", \"4\", \"0\", \"35–65%\"]",
        ])
    }

    @Test func balancedSharesSayNothing() throws {
        let single = ["Ngắn gọn dễ nhớ hơn", "Một câu dài", "Vừa phải"].indices.map { right in
            """
            ## Câu hỏi \(right) về mật khẩu?

            - [\(right == 0 ? "x" : " ")] Một câu dài khó đoán
            - [\(right == 1 ? "x" : " ")] Ngày sinh
            - [\(right == 2 ? "x" : " ")] Số điện thoại

            > Giải thích.

            """
        }.joined(separator: "\n")
        let statements = ["Đúng", "Sai", "Đúng", "Sai"].enumerated().map { index, truth in
            """
            ## Nhận định số \(index) về mật khẩu.

            - [\(truth == "Đúng" ? "x" : " ")] Đúng
            - [\(truth == "Sai" ? "x" : " ")] Sai

            > Giải thích.

            """
        }.joined(separator: "\n")
        let (diagnostics, _) = try Self.load(quiz: statements, lessonCheck: single)
        #expect(diagnostics.filter { $0.contains(" item-") }.isEmpty, "\(diagnostics)")
    }
}
