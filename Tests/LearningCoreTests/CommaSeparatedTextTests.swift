import Foundation
import LearningCore
import Testing
import TestSupport

@Suite("Reading comma-separated text and checking a learner list")
struct CommaSeparatedTextTests {
    @Test func quotesLineBreaksAndSpacesAreReadAsSpreadsheetsWriteThem() throws {
        let text = "\u{FEFF}ho_ten, don_vi ,doi_tuong\r\n\"Hoàng, Văn \"\"Em\"\"\",thon-2,nguoi-dan\r\n"
            + "  \"Dòng\nhai\"  ,thon-1,\n\nLê Thị Bình,thon-1,nguoi-dan"
        let records = try CommaSeparatedText.records(text)
        #expect(records == [
            .init(line: 1, fields: ["ho_ten", "don_vi", "doi_tuong"]),
            .init(line: 2, fields: ["Hoàng, Văn \"Em\"", "thon-2", "nguoi-dan"]),
            .init(line: 3, fields: ["Dòng\nhai", "thon-1", ""]),
            .init(line: 5, fields: [""]),
            .init(line: 6, fields: ["Lê Thị Bình", "thon-1", "nguoi-dan"]),
        ])
    }

    @Test func aCombiningMarkAfterACommaStaysWithItsField() throws {
        // Read as characters, ",\u{0301}" would be one grapheme and the comma lost; scalars keep it a delimiter.
        #expect(try CommaSeparatedText.records("a,\u{0301}b\n") == [.init(line: 1, fields: ["a", "\u{0301}b"])])
    }

    @Test func anUnclosedQuoteOrTextAfterAClosingQuoteIsUnreadable() {
        #expect(throws: CommaSeparatedText.Unreadable(line: 2)) {
            try CommaSeparatedText.records("ho_ten\n\"Nguyễn Văn An,thon-1\n")
        }
        #expect(throws: CommaSeparatedText.Unreadable(line: 1)) { try CommaSeparatedText.records("\"An\"x,thon-1\n") }
        let checked = LearnerImportRules.check(csv: "ho_ten,don_vi,doi_tuong\n\"An,thon-1,can-bo\n",
                                               units: CourseFixtures.units, allowedUnitID: nil)
        #expect(checked.problems == [LearnerImportProblem(line: 2, column: "", reason: "unreadable-csv", value: "")])
    }

    @Test func theTemplateHasTheColumnsAndAnExampleThatPasses() throws {
        let template = LearnerImportRules.templateCSV
        #expect(template.hasPrefix("\u{FEFF}ho_ten,don_vi,doi_tuong,so_dien_thoai,ma_pin\n"))
        let records = try CommaSeparatedText.records(template)
        #expect(records.count == 2)
        #expect(records[0].fields == LearnerImportRules.requiredColumns + LearnerImportRules.optionalColumns)
        #expect(records[1].fields[0].unicodeScalars.contains { $0.value > 0x7F }, "an example with diacritics")
        let checked = LearnerImportRules.check(csv: template, units: CourseFixtures.units, allowedUnitID: nil)
        #expect(checked.problems.isEmpty && checked.rows.count == 1)
        #expect(checked.rows.first?.learner == NewLearner(displayName: "Nguyễn Thị Lan", unitID: "thon-1",
                                                          category: .citizens, phone: "0912345678", pin: "2468"))
    }

    @Test func aRetiredUnitIsUnknownAndAClerksOtherUnitIsItsOwnProblem() {
        var units = CourseFixtures.units
        units[1].retiredAt = .distantPast
        let csv = "ho_ten,don_vi,doi_tuong\nAn,thon-2,nguoi-dan\nBình,thon-1,nguoi-dan\n"
        #expect(LearnerImportRules.check(csv: csv, units: units, allowedUnitID: nil).problems.map(\.reason)
                == ["unknown-unit"])
        #expect(LearnerImportRules.check(csv: csv, units: CourseFixtures.units, allowedUnitID: "thon-1").problems
                == [LearnerImportProblem(line: 2, column: "don_vi", reason: "other-unit", value: "thon-2")])
    }
}
