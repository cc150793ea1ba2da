import Foundation
import LearningCore
import ProgressStore
import Testing
import TestSupport

@Suite("Every record round trip")
struct RoundTripTests {
    @Test func unitsAreSavedUpdatedAndRetiredNeverDropped() async throws {
        let fixture = try await StoreFixture()
        #expect(try await fixture.database.units().map(\.id).sorted() == StoreFixture.units.map(\.id).sorted())
        try await fixture.database.saveUnits([CommuneUnit(id: "thon-1", name: "Thôn Một", kind: .village)])
        let units = try await fixture.database.units()
        #expect(units.first { $0.id == "thon-1" }?.name == "Thôn Một")
        #expect(units.count == StoreFixture.units.count, "a unit missing from the list is kept")
        try await fixture.database.retireUnit(id: "thon-2", at: fixture.clock.now())
        #expect(try await fixture.database.units().first { $0.id == "thon-2" }?.retiredAt == fixture.clock.now())
        await #expect(throws: ProgressError(.unknownUnit, "thon-2")) {
            _ = try await fixture.register(unit: "thon-2")
        }
        // Loading the configuration again (which does not mark it retired) keeps the retirement.
        try await fixture.database.saveUnits(StoreFixture.units)
        #expect(try await fixture.database.units().first { $0.id == "thon-2" }?.retiredAt == fixture.clock.now())
    }

    @Test func learnerAndCorrection() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register("  Trần Văn Hùng ", phone: "0912 345 678", pin: "2468")
        #expect(learner.displayName == "Trần Văn Hùng")
        #expect(learner.phone == "0912345678")
        #expect(try await fixture.database.learner(id: learner.id) == learner)
        let corrected = try await fixture.database.correct(
            learnerID: learner.id, LearnerCorrection(displayName: "Trần Văn Hưng", unitID: "thon-2", phone: .some(nil)))
        #expect(corrected.displayName == "Trần Văn Hưng")
        #expect(corrected.unitID == "thon-2")
        #expect(corrected.phone == nil)
        #expect(try await fixture.database.learner(id: learner.id) == corrected)
        let found = try await fixture.database.learners(unitID: "thon-2", named: "trần văn hưng")
        #expect(found.map(\.id) == [learner.id])
    }

    @Test func badLearnerDetailsAreRefused() async throws {
        let fixture = try await StoreFixture()
        await #expect(throws: ProgressError(.invalidName, "   ")) { _ = try await fixture.register("   ") }
        await #expect(throws: ProgressError(.invalidPIN)) { _ = try await fixture.register(pin: "12a4") }
        await #expect(throws: ProgressError(.invalidPhone, "12")) { _ = try await fixture.register(phone: "12") }
        await #expect(throws: ProgressError(.unknownUnit, "thon-99")) { _ = try await fixture.register(unit: "thon-99") }
    }

    @Test func consentGivenAndWithdrawn() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register()
        let given = ConsentEvent(learnerID: learner.id, purpose: .reporting, noticeVersion: "2026-01", given: true,
                                 at: fixture.clock.now())
        var withdrawn = given
        withdrawn.given = false
        withdrawn.at = fixture.clock.now().addingTimeInterval(86_400)
        try await fixture.database.recordConsent(given)
        try await fixture.database.recordConsent(withdrawn)
        #expect(try await fixture.database.consents(learnerID: learner.id) == [given, withdrawn])
    }

    @Test func lessonVisitsAndCompletions() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register()
        let store = fixture.database
        try await store.recordLessonVisit(learnerID: learner.id, courseID: "khoa-thu", lessonID: "01-a", at: fixture.clock.now())
        try await store.recordLessonVisit(learnerID: learner.id, courseID: "khoa-thu", lessonID: "01-a", at: fixture.clock.now())
        try await store.recordLessonCompletion(learnerID: learner.id, courseID: "khoa-thu", lessonID: "01-a",
                                               at: fixture.clock.now(), completing: nil)
        try await store.recordLessonVisit(learnerID: learner.id, courseID: "khoa-thu", lessonID: "02-b", at: fixture.clock.now())
        let progress = try await store.courseProgress(learnerID: learner.id, courseID: "khoa-thu")
        #expect(progress.lessonsVisited == ["01-a", "02-b"])
        #expect(progress.lessonsCompleted == ["01-a"])
        #expect(progress.completion == nil)
        let data = try await store.personalData(learnerID: learner.id)
        #expect(data.lessons.first { $0.lessonId == "01-a" }?.visits == 2)
    }

    @Test func attemptWithEveryField() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register()
        var record = fixture.attempt("a-1", learner: learner.id, correct: 3)
        record.result.questions[0].response = .text("VNeID")
        record.result.questions[1].response = .number("1.000.000")
        record.result.questions[4].response = nil
        let stored = try await fixture.database.recordAttempt(record)
        #expect(!stored.wasDuplicate)
        #expect(try await fixture.database.attempt(id: "a-1") == record, "read back equal, seed and responses included")
        let progress = try await fixture.database.courseProgress(learnerID: learner.id, courseID: "khoa-thu")
        #expect(progress.finalAttempts == 1)
        #expect(progress.bestPercent == 60)
        #expect(!progress.passedFinalQuiz)
    }

    @Test func completionIsRecordedOnceWithAVerificationCode() async throws {
        let fixture = try await StoreFixture()
        let learner = try await fixture.register()
        let first = try await fixture.database.recordCompletion(
            learnerID: learner.id, courseID: "khoa-thu", courseVersion: 2, percent: 80, at: fixture.clock.now())
        let again = try await fixture.database.recordCompletion(
            learnerID: learner.id, courseID: "khoa-thu", courseVersion: 3, percent: 100,
            at: fixture.clock.now().addingTimeInterval(60))
        #expect(again == first)
        #expect(first.verificationCode.count == 10, "about 49.5 bits: not guessable at a rate-limited lookup")
        let lowercased = first.verificationCode.lowercased()
        #expect(try await fixture.database.completion(verificationCode: lowercased) == first)
        #expect(try await fixture.database.completion(verificationCode: "ZZZZZZZZZZ") == nil)
    }

    @Test func staffAccountsSignInWithTheirPasswordOnly() async throws {
        let fixture = try await StoreFixture()
        let account = try await fixture.database.createStaffAccount(
            username: "vanhoa", displayName: "Cán bộ Văn hoá", password: "mat-khau-dai-2026", role: .communeStaff,
            unitID: nil, at: fixture.clock.now())
        #expect(try await fixture.database.verifyStaffPassword(username: "vanhoa", password: "mat-khau-dai-2026") == account)
        #expect(try await fixture.database.verifyStaffPassword(username: "vanhoa", password: "sai") == nil)
        await #expect(throws: ProgressError(.duplicateUsername, "vanhoa")) {
            _ = try await fixture.database.createStaffAccount(
                username: "vanhoa", displayName: "Khác", password: "x", role: .admin, unitID: nil, at: Date())
        }
    }
}
