import ArgumentParser
import CourseContent
import Foundation
import LearningCore
import ProgressStore

extension HocTapCommand {
    /// `hoctap staff …`: staff accounts, managed at the server's console. Every command acts as
    /// `StaffIdentity.console` through `StaffService`, so the rules and the audit log apply as on the web.
    struct Staff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tài khoản cán bộ: tạo, liệt kê, khoá, mở khoá, đặt lại mật khẩu.",
            subcommands: [Add.self, List.self, Disable.self, Enable.self, ResetPassword.self])

        /// `hoctap staff add USERNAME --role admin|commune|clerk [--unit ID] [--name "Họ tên"]`.
        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Tạo tài khoản cán bộ. Mật khẩu (ít nhất 10 ký tự) được hỏi hai lần và không hiện khi gõ; "
                    + "khi đầu vào chuẩn không phải màn hình (chạy bằng script), mật khẩu là dòng đầu tiên của nó.")
            @Argument(help: "Tên đăng nhập: chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.")
            var username: String
            @Option(help: "Vai trò: admin (quan-tri), commune (can-bo-xa) hoặc clerk (can-bo-don-vi).")
            var role: String
            @Option(help: "Mã đơn vị mà cán bộ đơn vị phụ trách (chỉ dùng với --role clerk).") var unit: String?
            @Option(help: "Họ tên hiển thị; mặc định là tên đăng nhập.") var name: String?
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run { database, messages in
                    guard let staffRole = StaffRoleName.parse(role) else {
                        printError(messages.text("cli.staff_unknown_role", [role]))
                        throw ExitCode(1)
                    }
                    let service = StaffService(repository: database, clock: SystemWallClock())
                    // Everything but the password is checked before it is asked for.
                    try await service.checkNewAccount(.console, username: username, displayName: name ?? "",
                                                      role: staffRole, unitID: unit)
                    if let unit, !unit.isEmpty {
                        let active = try await database.units().filter { $0.retiredAt == nil }.map(\.id)
                        guard active.contains(unit) else { throw ProgressError(.unknownUnit, unit) }
                    }
                    let password = try PasswordPrompt(messages: messages).read()
                    let account = try await service.createAccount(
                        .console, username: username, displayName: name ?? "", password: password, role: staffRole,
                        unitID: unit)
                    print(messages.text("cli.staff_created", [
                        account.username, messages.text("staff.role.\(account.role.rawValue)"),
                    ]))
                }
            }
        }

        /// `hoctap staff list`: never a password or its hash.
        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Liệt kê tài khoản cán bộ: tên đăng nhập, họ tên, vai trò, đơn vị, đang dùng hay đã khoá.")
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run(.readOnly) { database, messages in
                    let accounts = try await StaffService(repository: database, clock: SystemWallClock())
                        .accounts(.console)
                    guard !accounts.isEmpty else {
                        print(messages.text("cli.staff_none"))
                        return
                    }
                    let units = Dictionary(uniqueKeysWithValues: try await database.units().map { ($0.id, $0.name) })
                    let dates = ISO8601DateFormatter()
                    dates.formatOptions = [.withFullDate]
                    dates.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
                    print(messages.text("cli.staff_header"))
                    for account in accounts {
                        let unit = account.unitID.map { id in units[id].map { "\(id) (\($0))" } ?? id } ?? "—"
                        let state = account.disabledAt.map {
                            messages.text("staff.state.disabled", [dates.string(from: $0)])
                        } ?? messages.text("staff.state.active")
                        print([account.username, account.displayName,
                               messages.text("staff.role.\(account.role.rawValue)"), unit, state]
                            .joined(separator: "\t"))
                    }
                }
            }
        }

        /// Options naming one account.
        struct AccountOption: ParsableArguments {
            @Argument(help: "Tên đăng nhập của tài khoản.") var username: String
        }

        /// `hoctap staff disable USERNAME [--enable]`.
        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Khoá một tài khoản cán bộ (không đăng nhập được nữa; lịch sử vẫn giữ). "
                    + "Với --enable: mở khoá lại.")
            @OptionGroup var account: AccountOption
            @Flag(help: "Mở khoá thay vì khoá.") var enable = false
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await setDisabled(!enable, username: account.username, store: store)
            }
        }

        /// `hoctap staff enable USERNAME`.
        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Mở khoá một tài khoản cán bộ.")
            @OptionGroup var account: AccountOption
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await setDisabled(false, username: account.username, store: store)
            }
        }

        /// `hoctap staff reset-password USERNAME`: the new password read as `add` reads it.
        struct ResetPassword: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "reset-password",
                abstract: "Đặt lại mật khẩu cho một tài khoản cán bộ (hỏi hai lần, không hiện khi gõ; hoặc dòng đầu "
                    + "tiên của đầu vào chuẩn) và xoá mọi lần chờ do đăng nhập sai của tài khoản đó.")
            @OptionGroup var account: AccountOption
            @OptionGroup var store: StoreOptions

            func run() async throws {
                try await store.run(.existing) { database, messages in
                    let name = StaffService.lookupName(account.username)
                    guard try await database.staffAccount(username: name) != nil else {
                        throw ProgressError(.unknownStaffAccount, name)
                    }
                    let password = try PasswordPrompt(messages: messages).read()
                    try await StaffService(repository: database, clock: SystemWallClock())
                        .resetPassword(.console, username: account.username, password: password)
                    print(messages.text("cli.staff_password_reset", [name]))
                }
            }
        }

        /// Disables or enables `username` as the console, and says what happened.
        static func setDisabled(_ disabled: Bool, username: String, store: StoreOptions) async throws {
            try await store.run(.existing) { database, messages in
                let service = StaffService(repository: database, clock: SystemWallClock())
                let name = StaffService.lookupName(username)
                let before = try await database.staffAccount(username: name)
                try await service.setAccountDisabled(.console, username: username, disabled: disabled)
                let key = before?.isDisabled == disabled
                    ? (disabled ? "cli.staff_unchanged_disabled" : "cli.staff_unchanged_enabled")
                    : (disabled ? "cli.staff_disabled" : "cli.staff_enabled")
                print(messages.text(key, [name]))
            }
        }
    }
}
