import CourseContent
import Foundation
import Testing

@Suite("The Vietnamese messages built into the program")
struct BundledMessagesTests {
    @Test func theEmbeddedCopyIsTheYamlWordForWord() throws {
        let file = FixturePaths.content.appendingPathComponent("strings/vi.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        #expect(BundledMessages.vietnamese == yaml,
                "Content/strings/vi.yaml changed: run `make strings` (scripts/embed-strings.sh) to embed it again")
    }

    @Test func theBundledCatalogWordsMessagesLikeTheFile() throws {
        let fromFile = try MessageCatalog(contentDirectory: FixturePaths.content)
        let bundled = MessageCatalog.bundled
        for key in ["errors.missing-database", "cli.content_not_found", "errors.unexpected", "cli.figures_header"] {
            #expect(bundled.contains(key), "\(key)")
            #expect(bundled.text(key, ["X"]) == fromFile.text(key, ["X"]))
        }
        #expect(bundled.text("errors.missing-database", ["/mnt/usb/hoctap.sqlite"])
                .hasPrefix("Không có tệp cơ sở dữ liệu /mnt/usb/hoctap.sqlite."))
        #expect(bundled.text("cli.figures_header").contains("\t"), "YAML escapes are read, not kept as \\t")
    }
}
