import Foundation
import LearningCore
import ProgressStore
import Testing
import TestSupport

@Suite("Importing a unit's list from CSV, all or nothing")
struct ImportTests {
    @Test func aFileWithBadRowsImportsNothingAndSaysWhichLines() async throws {
        let fixture = try await StoreFixture()
        let csv = """
            \u{FEFF}ho_ten,don_vi,doi_tuong,so_dien_thoai,ma_pin
            Nguyễn Văn An,phong-van-hoa-xa-hoi,can-bo,0912345678,1234
            ,phong-van-hoa-xa-hoi,can-bo,,
            Lê Thị Bình,phong-khong-co,can-bo,,
            Phạm Văn Cường,thon-1,hoc-sinh,,
            Đỗ Thị Dung,thon-1,nguoi-dan,12,12a4
            "Hoàng, Văn Em",thon-2,nguoi-dan,,
            Nguyễn Văn An,phong-van-hoa-xa-hoi,can-bo,0912345678,
            """
        let report = try await LearnerImport(database: fixture.database).run(csv: csv, at: fixture.clock.now())
        #expect(!report.imported)
        #expect(report.acceptedCount == 2)
        let byLine = Dictionary(grouping: report.problems, by: \.line).mapValues { $0.map(\.reason).sorted() }
        #expect(byLine == [
            3: ["invalid-name"], 4: ["unknown-unit"], 5: ["unknown-category"], 6: ["invalid-phone", "invalid-pin"],
            8: ["duplicate-row"],
        ])
        for unit in ["phong-van-hoa-xa-hoi", "thon-1", "thon-2"] {
            #expect(try await fixture.database.learners(unitID: unit, named: "Nguyễn Văn An").isEmpty)
        }
        #expect(try await fixture.database.learner(id: 1) == nil, "nothing was written")
    }

    @Test func aCleanFileImportsEveryRow() async throws {
        let fixture = try await StoreFixture()
        let csv = "ho_ten,don_vi,doi_tuong,ma_pin\nNguyễn Văn An,phong-van-hoa-xa-hoi,can-bo,1234\n"
            + "\"Hoàng, Văn Em\",thon-2,nguoi-dan,\n"
        let report = try await LearnerImport(database: fixture.database).run(csv: csv, at: fixture.clock.now())
        #expect(report.imported)
        #expect(report.acceptedCount == 2)
        let an = try #require(try await fixture.database.learners(unitID: "phong-van-hoa-xa-hoi", named: "nguyễn văn an").first)
        #expect(an.category == .officials)
        #expect(try await fixture.database.verifyPIN(learnerID: an.id, pin: "1234"))
        #expect(try await fixture.database.learners(unitID: "thon-2", named: "Hoàng, Văn Em").count == 1)
    }

    @Test func aMissingColumnIsReportedOnTheHeaderLine() async throws {
        let fixture = try await StoreFixture()
        let report = try await LearnerImport(database: fixture.database)
            .run(csv: "ho_ten,doi_tuong,cmnd\nA,nguoi-dan,0123\n", at: fixture.clock.now())
        #expect(!report.imported)
        #expect(Set(report.problems.map { "\($0.line) \($0.column) \($0.reason)" })
                == ["1 don_vi missing-column", "1 cmnd unknown-column"], "no column for ID-card numbers")
    }
}
