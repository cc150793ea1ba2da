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

    @Test func importingTheSameFileTwiceAddsNobodyAndSaysHowManyWereThere() async throws {
        let fixture = try await StoreFixture()
        let csv = "ho_ten,don_vi,doi_tuong,so_dien_thoai,ma_pin\n"
            + "Nguyễn Văn An,phong-van-hoa-xa-hoi,can-bo,0912345678,1234\n"
            + "Trần Thị Bình,thon-1,nguoi-dan,,\n"
            + "Lê Văn Cường,thon-2,nguoi-dan,,5678\n"
        let first = try await LearnerImport(database: fixture.database).run(csv: csv, at: fixture.clock.now())
        #expect(first.imported && first.acceptedCount == 3 && first.alreadyPresentCount == 0)

        let second = try await LearnerImport(database: fixture.database).run(csv: csv, at: fixture.clock.now())
        #expect(second.imported)
        #expect(second.acceptedCount == 0, "nobody added")
        #expect(second.alreadyPresentCount == 3)
        #expect(try await fixture.database.learners(unitID: "thon-1", named: "Trần Thị Bình").count == 1)
        #expect(try await fixture.database.learner(id: 4) == nil, "still three learners")
    }

    @Test func alreadyThereMeansSameUnitNameAsAKioskComparesItCategoryAndPhone() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.register("Nguyễn Văn An", unit: "thon-1", category: .citizens, phone: "0912345678")
        _ = try await fixture.register("Trần Thị Bình", unit: "thon-1", category: .citizens)
        let gone = try await fixture.register("Lê Văn Cường", unit: "thon-1", category: .citizens)
        try await fixture.database.anonymise(learnerID: gone.id, at: fixture.clock.now())
        let csv = "ho_ten,don_vi,doi_tuong,so_dien_thoai\n"
            + "  NGUYỄN  văn an ,thon-1,nguoi-dan,0912 345 678\n" // same person: case, spaces, phone spacing
            + "Trần Thị Bình,thon-1,nguoi-dan,\n" // same person: no phone on either side
            + "Trần Thị Bình,thon-2,nguoi-dan,\n" // another unit
            + "Nguyễn Văn An,thon-1,nguoi-dan,0987654321\n" // another phone
            + "Trần Thị Bình,thon-1,can-bo,\n" // another category
            + "Lê Văn Cường,thon-1,nguoi-dan,\n" // the namesake was anonymised: a new person
        let report = try await LearnerImport(database: fixture.database).run(csv: csv, at: fixture.clock.now())
        #expect(report.imported)
        #expect(report.alreadyPresentCount == 2)
        #expect(report.acceptedCount == 4)
        #expect(try await fixture.database.learners(unitID: "thon-1", named: "Nguyễn Văn An").count == 2)
    }

    @Test(arguments: [
        ("Nguyễn\u{202E}Văn An", "Nguyễn<U+202E>Văn An"), // right-to-left override
        ("Nguyễn Văn\u{2066} An", "Nguyễn Văn<U+2066> An"), // left-to-right isolate
        ("Nguyễn\u{200F}Văn An", "Nguyễn<U+200F>Văn An"), // right-to-left mark
        ("Nguyễn Văn\u{07} An", "Nguyễn Văn<U+0007> An"), // bell, a C0 control
        ("Nguyễn\u{1B}[31mVăn An", "Nguyễn<U+001B>[31mVăn An"), // a terminal escape
        ("Nguyễn\u{85}Văn An", "Nguyễn<U+0085>Văn An"), // a C1 control
    ])
    func namesWithControlOrDirectionCharactersAreRefusedByLine(name: String, shown: String) async throws {
        let fixture = try await StoreFixture()
        let csv = "ho_ten,don_vi,doi_tuong\nTrần Thị Bình,thon-1,nguoi-dan\n\"\(name)\",thon-1,nguoi-dan\n"
        let report = try await LearnerImport(database: fixture.database).run(csv: csv, at: fixture.clock.now())
        #expect(!report.imported)
        #expect(report.problems == [LearnerImportProblem(line: 3, column: "ho_ten", reason: "invalid-name-characters",
                                                          value: shown)])
        #expect(try await fixture.database.learner(id: 1) == nil, "nothing was written")
        // The kiosk's registration follows the same rule.
        await #expect(throws: ProgressError(.invalidNameCharacters, shown)) {
            _ = try await fixture.register(name)
        }
    }

    @Test func aTabInsideANameIsRefusedButVietnameseIsNot() throws {
        #expect(throws: ProgressError.self) { try LearnerValidation.name("Nguyễn\tVăn An") }
        #expect(try LearnerValidation.name(" Đặng Thị Ngọc Ánh ") == "Đặng Thị Ngọc Ánh")
        #expect(try LearnerValidation.name("Nguyễn Văn A\u{0301}n") == "Nguyễn Văn Án", "combining marks are fine")
    }

    @Test func pinsAreHashedInParallelWithProgressAndAllVerify() async throws {
        let fixture = try await StoreFixture()
        let rows = (1...40).map { "Người Thứ \($0),thon-1,nguoi-dan,,\(String(format: "%04d", $0))" }
        let csv = "ho_ten,don_vi,doi_tuong,so_dien_thoai,ma_pin\n" + rows.joined(separator: "\n")
            + "\nKhông Mã,thon-2,nguoi-dan,,\n"
        let seen = ProgressLog()
        let report = try await LearnerImport(database: fixture.database)
            .run(csv: csv, at: fixture.clock.now(), progress: { done, total in seen.append(done, total) })
        #expect(report.imported && report.acceptedCount == 41)
        let calls = seen.calls
        #expect(calls.count == 40, "once per PIN")
        #expect(Set(calls.map(\.total)) == [40])
        #expect(calls.map(\.done).sorted() == Array(1...40))
        for index in [1, 17, 40] {
            let learner = try #require(try await fixture.database.learners(unitID: "thon-1", named: "Người Thứ \(index)").first)
            #expect(try await fixture.database.verifyPIN(learnerID: learner.id, pin: String(format: "%04d", index)))
            #expect(!(try await fixture.database.verifyPIN(learnerID: learner.id, pin: "9999")))
        }
    }
}

/// The progress calls an import made, from whichever threads.
private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [(done: Int, total: Int)] = []

    func append(_ done: Int, _ total: Int) {
        lock.lock()
        log.append((done, total))
        lock.unlock()
    }

    var calls: [(done: Int, total: Int)] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }
}
