import CourseContent
import Foundation
import Testing

/// Markdown rendered for a terminal, element by element, at 40 and 80 columns, compared whole: plain text when
/// styles are off (a pipe, `NO_COLOR`), wrapped by display width, in NFC.
@Suite("Terminal rendering of lessons")
struct TerminalRenderingTests {
    static let samples: [(name: String, markdown: String)] = [
        ("heading", "# Bảo vệ tài khoản ngân hàng và ví điện tử của bạn\n\n## Mật khẩu mạnh\n\n### Ghi nhớ"),
        ("emphasis", "Khi nhận cuộc gọi **tự xưng là công an**, hãy *bình tĩnh*, không đọc mã `OTP` cho ai và ~~chuyển tiền ngay~~ gọi lại số đường dây nóng của xã để hỏi."),
        ("lists", "- Tắt máy khi không dùng\n- Cập nhật phần mềm:\n  1. Mở **Cài đặt**\n  2. Chọn \"Cập nhật hệ thống\" rồi làm theo hướng dẫn trên màn hình\n- Sao lưu ảnh"),
        ("tasks", "- [x] Đặt khoá màn hình\n- [ ] Bật xác thực hai lớp cho Zalo và ứng dụng ngân hàng"),
        ("quote", "> Không ai có quyền yêu cầu bạn đọc mã OTP qua điện thoại, kể cả người tự xưng là cán bộ ngân hàng.\n>\n> — Ngân hàng Nhà nước"),
        ("code", "Gõ vào ô tìm kiếm:\n\n```\ntiêm phòng cúm gia cầm site:gov.vn\nhttps://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?tu-khoa=khai-sinh\n```"),
        ("table", "| Việc | Nơi làm | Lệ phí |\n| --- | --- | ---: |\n| Cấp lại căn cước | Công an xã | 70.000 đ |\n| Đăng ký khai sinh | Cổng Dịch vụ công quốc gia hoặc UBND xã | Miễn phí |"),
        ("links", "Nộp hồ sơ trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) hoặc xem <https://vneid.gov.vn>."),
        ("rule", "Trước\n\n---\n\nSau"),
    ]

    /// What each sample renders to, plain, at each width.
    static let expected: [String: String] = [
        "heading 40": """
        Bảo vệ tài khoản ngân hàng và ví điện tử
        của bạn
        ════════════════════════════════════════

        Mật khẩu mạnh
        ─────────────

        Ghi nhớ
        """,
        "heading 80": """
        Bảo vệ tài khoản ngân hàng và ví điện tử của bạn
        ════════════════════════════════════════════════

        Mật khẩu mạnh
        ─────────────

        Ghi nhớ
        """,
        "emphasis 40": """
        Khi nhận cuộc gọi tự xưng là công an,
        hãy bình tĩnh, không đọc mã OTP cho ai
        và ~~chuyển tiền ngay~~ gọi lại số đường
        dây nóng của xã để hỏi.
        """,
        "emphasis 80": """
        Khi nhận cuộc gọi tự xưng là công an, hãy bình tĩnh, không đọc mã OTP cho ai và
        ~~chuyển tiền ngay~~ gọi lại số đường dây nóng của xã để hỏi.
        """,
        "lists 40": """
        • Tắt máy khi không dùng
        • Cập nhật phần mềm:
          1. Mở Cài đặt
          2. Chọn "Cập nhật hệ thống" rồi làm
             theo hướng dẫn trên màn hình
        • Sao lưu ảnh
        """,
        "lists 80": """
        • Tắt máy khi không dùng
        • Cập nhật phần mềm:
          1. Mở Cài đặt
          2. Chọn "Cập nhật hệ thống" rồi làm theo hướng dẫn trên màn hình
        • Sao lưu ảnh
        """,
        "tasks 40": """
        [x] Đặt khoá màn hình
        [ ] Bật xác thực hai lớp cho Zalo và ứng
            dụng ngân hàng
        """,
        "tasks 80": """
        [x] Đặt khoá màn hình
        [ ] Bật xác thực hai lớp cho Zalo và ứng dụng ngân hàng
        """,
        "quote 40": """
        │ Không ai có quyền yêu cầu bạn đọc mã
        │ OTP qua điện thoại, kể cả người tự
        │ xưng là cán bộ ngân hàng.
        │
        │ — Ngân hàng Nhà nước
        """,
        "quote 80": """
        │ Không ai có quyền yêu cầu bạn đọc mã OTP qua điện thoại, kể cả người tự xưng
        │ là cán bộ ngân hàng.
        │
        │ — Ngân hàng Nhà nước
        """,
        "code 40": """
        Gõ vào ô tìm kiếm:

            tiêm phòng cúm gia cầm site:gov.vn
            https://dichvucong.gov.vn/p/home/dvc
            -tim-kiem-thu-tuc.html?tu-khoa=khai-
            sinh
        """,
        "code 80": """
        Gõ vào ô tìm kiếm:

            tiêm phòng cúm gia cầm site:gov.vn
            https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?tu-khoa=khai-sinh
        """,
        "table 40": """
        ┌─────────────┬─────────────┬──────────┐
        │ Việc        │ Nơi làm     │   Lệ phí │
        ├─────────────┼─────────────┼──────────┤
        │ Cấp lại căn │ Công an xã  │ 70.000 đ │
        │ cước        │             │          │
        │ Đăng ký     │ Cổng Dịch   │ Miễn phí │
        │ khai sinh   │ vụ công     │          │
        │             │ quốc gia    │          │
        │             │ hoặc UBND   │          │
        │             │ xã          │          │
        └─────────────┴─────────────┴──────────┘
        """,
        "table 80": """
        ┌───────────────────┬─────────────────────────────────────────┬──────────┐
        │ Việc              │ Nơi làm                                 │   Lệ phí │
        ├───────────────────┼─────────────────────────────────────────┼──────────┤
        │ Cấp lại căn cước  │ Công an xã                              │ 70.000 đ │
        │ Đăng ký khai sinh │ Cổng Dịch vụ công quốc gia hoặc UBND xã │ Miễn phí │
        └───────────────────┴─────────────────────────────────────────┴──────────┘
        """,
        "links 40": """
        Nộp hồ sơ trên Cổng Dịch vụ công quốc
        gia (https://dichvucong.gov.vn) hoặc xem
        https://vneid.gov.vn.
        """,
        "links 80": """
        Nộp hồ sơ trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn) hoặc xem
        https://vneid.gov.vn.
        """,
        "rule 40": """
        Trước

        ────────────────────────────────────────

        Sau
        """,
        "rule 80": """
        Trước

        ────────────────────────────────────────────────────────────────────────────────

        Sau
        """,
    ]

    @Test("Each Markdown element at 40 and 80 columns, compared whole; no line wider than the width",
          arguments: [40, 80])
    func elements(width: Int) {
        let renderer = TerminalMarkdownRenderer(width: width, styled: false)
        for (name, markdown) in Self.samples {
            let rendered = renderer.render(markdown)
            #expect(rendered == Self.expected["\(name) \(width)"], "\(name) at \(width)")
            #expect(rendered == rendered.precomposedStringWithCanonicalMapping, "NFC")
            for line in rendered.split(separator: "\n") {
                #expect(TerminalText.width(line) <= width, "\(name): \(line)")
            }
        }
    }

    @Test("Text typed in NFD renders as the same NFC text, wrapped the same")
    func decomposedInput() {
        let renderer = TerminalMarkdownRenderer(width: 40, styled: false)
        for (name, markdown) in Self.samples {
            #expect(renderer.render(markdown.decomposedStringWithCanonicalMapping) == renderer.render(markdown),
                    "\(name)")
        }
    }

    @Test("Display width: combining marks take no column, wide characters two")
    func displayWidth() {
        #expect(TerminalText.width("Tiếng Việt") == 10)
        #expect(TerminalText.width("Tiếng Việt".decomposedStringWithCanonicalMapping) == 10)
        #expect(TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.width("中文") == 4)
        #expect(TerminalText.width("한국어") == 6)
        #expect(TerminalText.wrap("中文中文中文 ab", width: 6) == ["中文中", "文中文", "ab"])
    }

    @Test("Styles are ANSI only when asked; the visible text stays within the width")
    func styles() {
        let markdown = Self.samples.map(\.markdown).joined(separator: "\n\n")
        let plain = TerminalMarkdownRenderer(width: 40, styled: false).render(markdown)
        let styled = TerminalMarkdownRenderer(width: 40, styled: true).render(markdown)
        #expect(!plain.contains("\u{1B}"))
        #expect(styled.contains("\u{1B}[1;35m"), "headings")
        #expect(styled.contains("\u{1B}[9m"), "strikethrough")
        let visible = styled.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        for line in visible.split(separator: "\n") { #expect(TerminalText.width(line) <= 40, "\(line)") }
    }
}
