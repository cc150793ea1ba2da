// libFuzzer harness for the course loader (front matter, Markdown, quiz syntax): part 1 of `make reliability`.
// The first byte of an input picks which file of a small valid course it replaces (0: course.md, 1: a lesson with
// a check, 2: quiz.md, by its value modulo 3); the rest is that file's bytes. The course is loaded from memory
// with the same checks as `hoctap check`, every diagnostic is formatted as `hoctap check` prints it, and every
// loaded lesson is rendered for the terminal. Built with -DFUZZING it runs libFuzzer's driver; otherwise it is a
// reproducer that replays the files given as arguments.
import CourseContent
import Foundation
import LearningCore
#if FUZZING
import CLibFuzzer
#endif

/// The course whose files an input replaces (the test fixture `valid/mau`).
enum FuzzCourse {
    static let folder = "mau"
    static let roles = ["course.md", "01-mat-khau.md", "quiz.md"]
    static let files: [String: String] = [
        "course.md": #"""
---
id: mau
title: Khoá học mẫu
summary: Một khoá học mẫu dùng mọi loại câu hỏi.
audience: [nguoi-dan, can-bo]
contents: [2, 7]
competences: ["4.2", "1.1"]
level: co-ban
minutes: 15
pass_mark: 80
version: 3
language: vi
---

Khoá học này có **hai** bài và một bài kiểm tra cuối khoá.
"""#,
        "01-mat-khau.md": #"""
---
title: Mật khẩu mạnh
minutes: 5
check:
  pass_mark: 100
  attempts: 2
---

Một mật khẩu mạnh thì **dài** và khó đoán. Xem thêm [bài sau](02-otp.md).

| Mật khẩu | Mức độ |
| --- | --- |
| 123456 | Yếu |

# Kiểm tra

## Mật khẩu nào mạnh nhất?

- [ ] 123456
  > Dãy số này nằm trong những mật khẩu bị dò đầu tiên.
- [x] Mot-cau-dai-de-nho-2026

> Mật khẩu dài, không liên quan tới thông tin cá nhân thì khó đoán.
"""#,
        "02-otp.md": #"""
---
title: Mã OTP
minutes: 4
required: false
---

Mã OTP chỉ dùng một lần.
"""#,
        "quiz.md": #"""
---
title: Bài kiểm tra cuối khoá
pass_mark: 60
shuffle_questions: true
shuffle_choices: true
draw: 4
time_limit_minutes: 15
attempts: 3
feedback: after-close
partial_credit: true
---

Chúc bạn làm bài tốt.

## Mật khẩu nào an toàn hơn? {#mat-khau}

- [ ] Ngày sinh
- [x] Một câu dài

> Câu dài khó đoán hơn.

## Những việc nào giúp bảo vệ tài khoản? {#bao-ve multiple all-or-nothing}

- [x] Bật xác thực hai bước
- [ ] Đọc OTP cho người lạ
- [x] Không bấm link lạ
- [ ] Dùng một mật khẩu cho mọi tài khoản

> Không ai được biết mã OTP của bạn.

## Những thông tin nào không nên đăng công khai? {#khong-dang multiple}

- [x] Ảnh căn cước
- [x] Mã OTP
- [ ] Ảnh phong cảnh
- [ ] Tên món ăn yêu thích

> Ảnh giấy tờ và mã OTP giúp kẻ gian giả danh bạn.

## Ngân hàng có thể gọi điện hỏi mã OTP.

- [ ] Đúng
- [x] Sai

> Ngân hàng không bao giờ hỏi mã OTP.

## Ứng dụng định danh điện tử tên là gì? {#ung-dung ignore-diacritics}

Đáp án: `VNeID` hoặc `VNe ID`

> VNeID do Bộ Công an phát triển.

## Mã OTP thường có mấy chữ số?

Đáp án số: `6` (sai số `0`)

> Phần lớn mã OTP có 6 chữ số.
"""#,
    ]
    static let messages = MessageCatalog.bundled

    /// Runs the harness once on a valid input of each kind.
    static func warmUp() {
        // Globals made on first use (the messages, cmark's extensions, Yams' tables) are made before libFuzzer
        // counts allocations: LeakSanitizer cannot follow Swift's tagged pointers into them and would report them.
        for (role, file) in roles.enumerated() {
            ([UInt8(role)] + Array(files[file]!.utf8)).withUnsafeBufferPointer { run($0) }
        }
    }

    /// Loads the course with one file replaced by `input`'s bytes after the first; traps on anything a person
    /// would see that is wrong (a diagnostic without its Vietnamese message).
    static func run(_ input: UnsafeBufferPointer<UInt8>) {
        guard let role = input.first else { return }
        let replaced = roles[Int(role) % roles.count]
        // The replaced file, course.md, and the short lesson the first lesson links to; the first lesson too when
        // course.md is replaced (the fewer fixed files, the more runs a second).
        var course = [replaced: Data(input.dropFirst())]
        for name in ["course.md", "02-otp.md"] + (replaced == "course.md" ? ["01-mat-khau.md"] : [])
        where course[name] == nil {
            // Made afresh each run: LeakSanitizer cannot follow the tagged pointers of Data kept in a global.
            course[name] = Data(files[name]!.utf8)
        }
        let result = CourseLoader().load(folder: folder, files: course)
        for diagnostic in result.diagnostics {
            guard messages.contains("diagnostics.\(diagnostic.code.rawValue)") else {
                fatalError("no message for diagnostic \(diagnostic.code.rawValue)")
            }
            _ = diagnostic.formatted(with: messages)
        }
        let renderer = TerminalMarkdownRenderer(width: 80, styled: true)
        for loaded in result.courses {
            _ = renderer.lines(loaded.introductionMarkdown)
            for lesson in loaded.lessons { _ = renderer.lines(lesson.bodyMarkdown) }
        }
    }
}

/// With -DFUZZING (and -sanitize=fuzzer) libFuzzer's driver with its usual options; otherwise a reproducer that
/// replays inputs (a crash file, a corpus) without libFuzzer: `FuzzCourseLoader FILE…`.
@main
enum Harness {
    static func main() throws {
        #if FUZZING
        FuzzCourse.warmUp()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzCourse.run(UnsafeBufferPointer(start: data, count: size))
            return 0
        })
        #else
        for path in CommandLine.arguments.dropFirst() {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes.withUnsafeBufferPointer { FuzzCourse.run($0) }
            print("ok \(path)")
        }
        #endif
    }
}
