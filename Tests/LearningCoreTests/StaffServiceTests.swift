import Foundation
import LearningCore
import Testing
import TestSupport

/// The staff use cases over the in-memory store: roles, the password and account rules, the sign-in throttle
/// (moved by a test clock) and the clerk's import. The same rules run over SQLite in the contract suite.
@Suite("Staff accounts, sign-in throttling and roles")
struct StaffServiceTests {
    let repository = InMemoryProgressRepository()
    let clock = TestClock()
    var service: StaffService { StaffService(repository: repository, clock: clock) }

    init() async throws {
        try await repository.saveUnits(CourseFixtures.units)
    }

    /// Creates an account as the console and returns its identity.
    func account(_ username: String, role: StaffRole = .admin, unit: String? = nil,
                 password: String = "mat-khau-dai-2026") async throws -> StaffIdentity {
        try await service.createAccount(.console, username: username, displayName: "", password: password, role: role,
                                        unitID: unit).identity
    }

    func signIn(_ username: String, _ password: String, from client: String = "10.0.0.1") async throws
        -> StaffIdentity
    {
        try await service.signIn(username: username, password: password, clientKey: client)
    }

    /// The seconds a throttled sign-in says to wait, or nil when the try was let through to the password check.
    func retryAfter(_ username: String, _ password: String, from client: String = "10.0.0.1") async -> Int? {
        do {
            _ = try await signIn(username, password, from: client)
            return nil
        } catch let error as LearningError where error.kind == .signInThrottled {
            return error.retryAfterSeconds
        } catch {
            return nil
        }
    }

    // MARK: Sign-in

    @Test func wrongPasswordsAreDelayedPerUsernameThenLockedAndARightOneClearsTheCount() async throws {
        let admin = try await account("quantri")
        for _ in 0..<3 {
            await #expect(throws: LearningError(.staffSignInFailed)) { _ = try await signIn("quantri", "sai-mat-khau") }
        }
        // The fourth try, even with the right password, must wait 5 s.
        #expect(await retryAfter("quantri", "mat-khau-dai-2026") == 5)
        clock.advance(seconds: 5)
        await #expect(throws: LearningError(.staffSignInFailed)) { _ = try await signIn("quantri", "sai-mat-khau") }
        #expect(await retryAfter("quantri", "mat-khau-dai-2026") == 10, "the delay doubles")
        clock.advance(seconds: 10)
        #expect(try await signIn("QuanTri ", "mat-khau-dai-2026") == admin, "username as typed, case aside")
        // The right password cleared the username's count: three free tries again.
        for _ in 0..<3 {
            await #expect(throws: LearningError(.staffSignInFailed)) { _ = try await signIn("quantri", "sai-mat-khau") }
        }
        #expect(await retryAfter("quantri", "mat-khau-dai-2026") == 5)
    }

    @Test func tenFailuresLockAUsernameForFifteenMinutesFromAnyAddressEvenAnUnknownOne() async throws {
        _ = try await account("quantri")
        for attempt in 0..<10 {
            if attempt > 0 { clock.advance(seconds: 301) }
            await #expect(throws: LearningError(.staffSignInFailed)) {
                _ = try await signIn("khong-co-ai", "sai-mat-khau", from: "10.0.0.\(attempt)")
            }
        }
        let wait = try #require(await retryAfter("khong-co-ai", "x", from: "10.0.0.99"))
        #expect(wait > 10 * 60, "locked, not merely delayed")
        #expect(try await signIn("quantri", "mat-khau-dai-2026", from: "10.0.0.99").name == "quantri",
                "another username is not touched")
        clock.advance(seconds: 15 * 60)
        await #expect(throws: LearningError(.staffSignInFailed)) {
            _ = try await signIn("khong-co-ai", "sai-mat-khau", from: "10.0.0.99")
        }
    }

    @Test func oneAddressGuessingAcrossUsernamesIsDelayedAfterTenAndLockedAfterThirty() async throws {
        _ = try await account("quantri")
        for index in 0..<10 {
            await #expect(throws: LearningError(.staffSignInFailed)) { _ = try await signIn("nguoi-\(index)", "sai") }
        }
        #expect(await retryAfter("quantri", "mat-khau-dai-2026") == 2, "the address must wait, whoever it names")
        #expect(try await signIn("quantri", "mat-khau-dai-2026", from: "10.0.0.2").name == "quantri",
                "another address is not touched")
        for index in 10..<30 {
            clock.advance(seconds: 121)
            await #expect(throws: LearningError(.staffSignInFailed)) { _ = try await signIn("nguoi-\(index)", "sai") }
        }
        clock.advance(seconds: 121)
        let wait = try #require(await retryAfter("quantri", "mat-khau-dai-2026"))
        #expect(wait > 10 * 60)
    }

    @Test func anEmptyUsernameOrPasswordIsRefusedWithoutBeingCounted() async throws {
        _ = try await account("quantri")
        for _ in 0..<5 {
            await #expect(throws: LearningError(.staffSignInFailed)) { _ = try await signIn("quantri", "") }
            await #expect(throws: LearningError(.staffSignInFailed)) { _ = try await signIn("  ", "mat-khau-dai-2026") }
        }
        #expect(try await signIn("quantri", "mat-khau-dai-2026").name == "quantri")
    }

    @Test func aDisabledAccountCannotSignInAndItsKeptIdentityIsRefused() async throws {
        let clerk = try await account("thuky", role: .unitClerk, unit: "thon-1")
        let signedIn = try await signIn("thuky", "mat-khau-dai-2026")
        #expect(try await service.currentIdentity(signedIn) == clerk)
        try await service.setAccountDisabled(.console, username: "thuky", disabled: true)
        await #expect(throws: LearningError(.staffSignInFailed)) { _ = try await signIn("thuky", "mat-khau-dai-2026") }
        await #expect(throws: LearningError(.staffSignInFailed)) { _ = try await service.currentIdentity(signedIn) }
        #expect(try await service.currentIdentity(.console) == .console)
        try await service.setAccountDisabled(.console, username: "thuky", disabled: false)
        #expect(try await signIn("thuky", "mat-khau-dai-2026") == clerk)
    }

    @Test func aPasswordTypedInDecomposedFormStillMatches() async throws {
        _ = try await account("quantri", password: "Mật khẩu Đông")
        let typed = "Mật khẩu Đông".decomposedStringWithCanonicalMapping
        #expect(try await signIn("quantri", typed).name == "quantri")
    }

    // MARK: Roles

    @Test func onlyAdministratorsListCreateDisableAndResetAccounts() async throws {
        let admin = try await account("quantri")
        let commune = try await account("canbo-xa", role: .communeStaff)
        let clerk = try await account("thuky", role: .unitClerk, unit: "thon-1")
        for staff in [commune, clerk] {
            await #expect(throws: LearningError(.forbidden)) { _ = try await service.accounts(staff) }
            await #expect(throws: LearningError(.forbidden, "thuky")) {
                try await service.setAccountDisabled(staff, username: "thuky", disabled: true)
            }
            await #expect(throws: LearningError(.forbidden, "thuky")) {
                try await service.resetPassword(staff, username: "thuky", password: "mot-mat-khau-moi")
            }
            await #expect(throws: LearningError(.forbidden, "moi")) {
                _ = try await service.createAccount(staff, username: "moi", displayName: "", password: "mat-khau-dai-2026",
                                                    role: .admin, unitID: nil)
            }
        }
        #expect(try await service.accounts(admin).map(\.username) == ["canbo-xa", "quantri", "thuky"])
        await #expect(throws: LearningError(.cannotDisableSelf, "quantri")) {
            try await service.setAccountDisabled(admin, username: "quantri", disabled: true)
        }
        try await service.setAccountDisabled(admin, username: "canbo-xa", disabled: true)
        let disabled = try await service.accounts(admin).first { $0.username == "canbo-xa" }
        #expect(disabled?.disabledAt == clock.now())
        await #expect(throws: ProgressError(.unknownStaffAccount, "khong-co")) {
            try await service.setAccountDisabled(admin, username: "khong-co", disabled: true)
        }
        await #expect(throws: ProgressError(.unknownStaffAccount, "khong-co")) {
            try await service.resetPassword(admin, username: "khong-co", password: "mot-mat-khau-moi")
        }
        let log = try await service.auditLog(admin)
        #expect(log.first?.action == .disableStaffAccount && log.first?.detail == "canbo-xa"
                && log.first?.staffName == "quantri")
        #expect(log.filter { $0.action == .createStaffAccount }.count == 3)
    }

    @Test func disablingTwiceChangesAndLogsNothingTheSecondTime() async throws {
        _ = try await account("thuky", role: .unitClerk, unit: "thon-1")
        try await service.setAccountDisabled(.console, username: "thuky", disabled: true)
        let first = try #require(try await service.accounts(.console).first?.disabledAt)
        clock.advance(seconds: 60)
        try await service.setAccountDisabled(.console, username: "thuky", disabled: true)
        #expect(try await service.accounts(.console).first?.disabledAt == first)
        #expect(try await service.auditLog(.console).filter { $0.action == .disableStaffAccount }.count == 1)
    }

    @Test func aResetPasswordReplacesTheOldOneAndLiftsTheLock() async throws {
        _ = try await account("thuky", role: .unitClerk, unit: "thon-1")
        for attempt in 0..<10 {
            await #expect(throws: LearningError(.staffSignInFailed)) {
                _ = try await signIn("thuky", "sai", from: "10.0.0.\(attempt)")
            }
            clock.advance(seconds: 301)
        }
        #expect(await retryAfter("thuky", "mat-khau-dai-2026", from: "10.1.1.1") != nil, "locked")
        await #expect(throws: LearningError(.weakPassword, "10")) {
            try await service.resetPassword(.console, username: "thuky", password: "ngan")
        }
        try await service.resetPassword(.console, username: "thuky", password: "mat-khau-moi-2027")
        await #expect(throws: LearningError(.staffSignInFailed)) {
            _ = try await signIn("thuky", "mat-khau-dai-2026", from: "10.1.1.1")
        }
        #expect(try await signIn("thuky", "mat-khau-moi-2027", from: "10.1.1.1").name == "thuky")
        #expect(try await service.auditLog(.console).first { $0.action == .resetStaffPassword }?.detail == "thuky")
    }

    // MARK: Account rules

    @Test func aNewAccountNeedsALongEnoughPasswordAValidUsernameAndTheRightUnit() async throws {
        func create(_ username: String, password: String = "mat-khau-dai-2026", role: StaffRole = .unitClerk,
                    unit: String? = "thon-1") async throws {
            _ = try await service.createAccount(.console, username: username, displayName: "", password: password,
                                                role: role, unitID: unit)
        }
        await #expect(throws: LearningError(.weakPassword, "10")) { try await create("thuky", password: "123456789") }
        await #expect(throws: LearningError(.passwordTooLong, "72")) {
            try await create("thuky", password: String(repeating: "đ", count: 37))
        }
        await #expect(throws: LearningError(.unitRequired, "thuky")) { try await create("thuky", unit: nil) }
        await #expect(throws: LearningError(.unitRequired, "thuky")) { try await create("thuky", unit: " ") }
        await #expect(throws: LearningError(.unitNotAllowed, "thon-1")) { try await create("canbo", role: .communeStaff) }
        await #expect(throws: LearningError(.unitNotAllowed, "thon-1")) { try await create("quantri", role: .admin) }
        await #expect(throws: ProgressError(.unknownUnit, "thon-9")) { try await create("thuky", unit: "thon-9") }
        for bad in ["", "a", "nguyễn", "thu ky", "-thuky", "console", String(repeating: "a", count: 33), "thu\u{202E}ky"] {
            await #expect(throws: LearningError.self, "\(bad)") { try await create(bad) }
        }
        try await create(" ThuKy.Dong_1 ")
        await #expect(throws: ProgressError(.duplicateUsername, "thuky.dong_1")) { try await create("thuky.dong_1") }
        let created = try #require(try await service.accounts(.console).first)
        #expect(created.username == "thuky.dong_1" && created.displayName == "thuky.dong_1" && created.unitID == "thon-1")
        #expect(try await signIn("thuky.dong_1", "mat-khau-dai-2026") == created.identity)
    }

    @Test func hasAccountsTellsWhetherTheFirstAdministratorIsStillToBeCreated() async throws {
        #expect(try await !service.hasAccounts())
        _ = try await account("quantri")
        #expect(try await service.hasAccounts())
        try await service.setAccountDisabled(.console, username: "quantri", disabled: true)
        #expect(try await service.hasAccounts(), "a disabled account still exists")
    }

    // MARK: Import

    @Test func aClerksListWithARowOfAnotherUnitImportsNothingAndSaysWhichLine() async throws {
        let clerk = try await account("thuky", role: .unitClerk, unit: "thon-1")
        let csv = "ho_ten,don_vi,doi_tuong\nNguyễn Văn An,thon-1,nguoi-dan\nTrần Thị Bình,thon-2,nguoi-dan\n"
        let refused = try await service.importLearners(clerk, csv: csv)
        #expect(!refused.imported && refused.acceptedCount == 1)
        #expect(refused.problems == [LearnerImportProblem(line: 3, column: "don_vi", reason: "other-unit", value: "thon-2")])
        #expect(refused.problems.first?.messageKey == "import.other-unit")
        #expect(try await repository.learners(unitID: nil).isEmpty, "nothing was written")
        #expect(try await service.auditLog(.console).allSatisfy { $0.action != .importLearners }, "nothing to log")

        let own = try await service.importLearners(clerk, csv: "ho_ten,don_vi,doi_tuong\nNguyễn Văn An,thon-1,nguoi-dan\n")
        #expect(own.imported && own.acceptedCount == 1)
        let commune = try await account("canbo", role: .communeStaff)
        let both = try await service.importLearners(commune, csv: csv)
        #expect(both.imported && both.acceptedCount == 1 && both.alreadyPresentCount == 1)
        let entries = try await service.auditLog(.console).filter { $0.action == .importLearners }
        #expect(entries.map(\.detail) == ["moi=1,da-co=1", "moi=1,da-co=0"])
        #expect(entries.map(\.staffName) == ["canbo", "thuky"])
    }
}
