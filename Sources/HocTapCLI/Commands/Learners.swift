import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore

extension HocTapCommand {
    /// `hoctap learners …`: importing officials' lists, and a person's rights over their data.
    struct Learners: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Người học: nhập danh sách, xem, xuất, sửa, xoá dữ liệu cá nhân.",
            subcommands: [Import.self, Show.self, Export.self, Correct.self, Delete.self])

        /// `hoctap learners import FILE.csv`: all or nothing.
        struct Import: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Nhập danh sách người học từ tệp CSV (cột ho_ten, don_vi, doi_tuong, so_dien_thoai, ma_pin). "
                    + "Có một dòng lỗi thì không nhập dòng nào.")
            @Argument(help: "Tệp CSV, mã UTF-8.") var file: String
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run { database, messages in
                    try await importFile(into: database, messages)
                }
            }

            private func importFile(into database: AppDatabase, _ messages: MessageCatalog) async throws {
                guard let data = FileManager.default.contents(atPath: file),
                      let text = String(data: data, encoding: .utf8)
                else {
                    printError(messages.text("cli.unreadable_file", [file]))
                    throw ExitCode(1)
                }
                let progressLine = PINProgress(messages)
                var progress: LearnerImport.Progress?
                if let progressLine {
                    progress = { done, total in progressLine.show(done, total) }
                }
                let report = try await LearnerImport(database: database).run(csv: text, at: Date(), progress: progress)
                progressLine?.finish()
                for problem in report.problems {
                    printError(messages.text("import.problem", [
                        file, String(problem.line), problem.column,
                        messages.text("import.\(problem.reason)"), problem.value,
                    ]))
                }
                if report.imported {
                    print(report.alreadyPresentCount == 0
                        ? messages.text("import.done", [String(report.acceptedCount)])
                        : messages.text("cli.import_done_existing", [
                            String(report.acceptedCount), String(report.alreadyPresentCount),
                        ]))
                } else {
                    printError(messages.text("import.refused", [
                        String(report.acceptedCount), String(Set(report.problems.map(\.line)).count),
                    ]))
                    throw ExitCode(1)
                }
            }
        }

        /// Options naming one learner.
        struct LearnerOption: ParsableArguments {
            @Argument(help: "Mã người học.") var id: Int64
        }

        /// `hoctap learners show ID`.
        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Xem dữ liệu đang lưu về một người học.")
            @OptionGroup var learner: LearnerOption
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run(.existing) { database, messages in
                    let staff = StaffService(repository: database, clock: SystemWallClock())
                    let export = try await LearnerDataExport.make(learnerID: learner.id, staff: staff, forExport: false)
                    print(export.text(messages))
                }
            }
        }

        /// `hoctap learners export ID`: everything stored about a person, as JSON.
        struct Export: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Xuất toàn bộ dữ liệu về một người học (JSON), để giao cho người đó.")
            @OptionGroup var learner: LearnerOption
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run(.existing) { database, _ in
                    let staff = StaffService(repository: database, clock: SystemWallClock())
                    print(try await LearnerDataExport.make(learnerID: learner.id, staff: staff, forExport: true).json())
                }
            }
        }

        /// `hoctap learners correct ID --name … --unit … --category … --phone …`.
        struct Correct: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Sửa thông tin của một người học.")
            @OptionGroup var learner: LearnerOption
            @Option(help: "Họ tên đúng.") var name: String?
            @Option(help: "Mã đơn vị.") var unit: String?
            @Option(help: "Đối tượng (can-bo, nguoi-lao-dong, dang-vien, doanh-nghiep, nguoi-dan).")
            var category: String?
            @Option(help: "Số điện thoại (để trống để xoá).") var phone: String?
            @OptionGroup var store: StoreOptions

            func validate() throws {
                if let category, LearnerCategory(rawValue: category) == nil {
                    throw ValidationError("Đối tượng \"\(category)\" không có.")
                }
                if name == nil, unit == nil, category == nil, phone == nil {
                    throw ValidationError("Hãy cho biết cần sửa gì: --name, --unit, --category hoặc --phone.")
                }
            }

            func run() async throws {
                try await store.run { database, messages in
                    let correction = LearnerCorrection(
                        displayName: name, unitID: unit, category: category.flatMap(LearnerCategory.init(rawValue:)),
                        phone: phone.map { $0.isEmpty ? nil : $0 })
                    let staff = StaffService(repository: database, clock: SystemWallClock())
                    _ = try await staff.correct(.console, learnerID: learner.id, correction)
                    print(messages.text("cli.learner_corrected", [String(learner.id)]))
                }
            }
        }

        /// `hoctap learners delete ID`: anonymise.
        struct Delete: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Xoá dữ liệu cá nhân của một người học (họ tên, điện thoại, mã PIN); kết quả học tập "
                    + "được giữ lại dưới dạng số liệu ẩn danh.")
            @OptionGroup var learner: LearnerOption
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run { database, messages in
                    let staff = StaffService(repository: database, clock: SystemWallClock())
                    try await staff.delete(.console, learnerID: learner.id)
                    print(messages.text("cli.learner_deleted", [String(learner.id)]))
                }
            }
        }
    }
}
