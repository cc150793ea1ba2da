import Foundation
import LearningCore
import Testing
import TestSupport

/// Printable certificates over both stores: a learner gets their own only, staff only within the units they
/// cover, and what is printed comes from the stored completion (score, date, code) and the learner's unit.
@Suite("Printable certificates over both stores (contract)")
struct CertificateContractTests {
    /// Reads the first lesson, passes the final quiz and returns the completion it earned.
    static func complete(_ learner: LearnerIdentity, in store: ContractStore, wrong: Int = 0) async throws
        -> CourseCompletion
    {
        _ = try await store.learning.openLesson(learner, courseID: "khoa", lessonID: "01-mot")
        try await store.learning.finishLesson(learner, courseID: "khoa", lessonID: "01-mot")
        let attempt = try await store.learning.startAttempt(learner, courseID: "khoa", quizID: "khoa/quiz")
        for (index, question) in attempt.questions.enumerated() {
            let response = index < wrong ? CourseFixtures.wrongResponse(question)
                : CourseFixtures.rightResponse(question)
            _ = try await store.learning.answer(learner, attemptID: attempt.attemptID, questionID: question.id,
                                                response: response)
        }
        store.clock.advance(seconds: 60)
        let submitted = try await store.learning.submit(learner, attemptID: attempt.attemptID,
                                                        submissionID: "s-\(learner.learnerID)")
        return try #require(submitted.result?.completion)
    }

    @Test(arguments: StoreKind.available)
    func aLearnerGetsTheirOwnCertificateWithUnitScoreDateAndCode(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let completion = try await Self.complete(lan, in: store, wrong: 1)
        let typed = completion.verificationCode.lowercased()
        let certificate = try await store.learning.certificate(lan, code: typed)
        #expect(certificate == CertificateView(
            learnerName: "Nguyễn Thị Lan", unitID: "thon-1", unitName: "Thôn Đông", courseID: "khoa",
            courseTitle: "Khoá học thử", completedAt: completion.completedAt, percent: 80,
            verificationCode: completion.verificationCode))
    }

    @Test(arguments: StoreKind.available)
    func anotherLearnersCodeIsNotFoundAsIfItDidNotExist(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let binh = try await store.learner("Trần Văn Bình", unit: "thon-2", pin: "1357")
        let completion = try await Self.complete(lan, in: store)
        await #expect(throws: LearningError(.certificateNotFound, completion.verificationCode)) {
            _ = try await store.learning.certificate(binh, code: completion.verificationCode)
        }
        await #expect(throws: LearningError(.certificateNotFound, "ZZZZZZZZZZ")) {
            _ = try await store.learning.certificate(binh, code: "ZZZZZZZZZZ")
        }
        await #expect(throws: LearningError(.certificateNotFound, "AB")) {
            _ = try await store.learning.certificate(lan, code: "AB")
        }
    }

    @Test(arguments: StoreKind.available)
    func staffSeeTheCertificatesOfTheUnitsTheyCoverOnly(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let completion = try await Self.complete(lan, in: store)
        let code = completion.verificationCode
        let ownClerk = StaffIdentity(accountID: 1, name: "dong", role: .unitClerk, unitID: "thon-1")
        let otherClerk = StaffIdentity(accountID: 2, name: "tay", role: .unitClerk, unitID: "thon-2")
        let commune = StaffIdentity(accountID: 3, name: "xa", role: .communeStaff, unitID: nil)
        for staff in [ownClerk, commune, .console] {
            let certificate = try await store.learning.certificate(for: staff, code: code)
            #expect(certificate.learnerName == "Nguyễn Thị Lan" && certificate.unitName == "Thôn Đông")
            #expect(certificate.percent == 100 && certificate.verificationCode == code)
        }
        await #expect(throws: LearningError(.forbidden, code)) {
            _ = try await store.learning.certificate(for: otherClerk, code: code)
        }
        await #expect(throws: LearningError(.certificateNotFound, "ZZZZZZZZZZ")) {
            _ = try await store.learning.certificate(for: commune, code: "ZZZZZZZZZZ")
        }
    }

    @Test(arguments: StoreKind.available)
    func aDeletedLearnersCertificateCannotBePrintedButItsCodeStillChecksOut(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let completion = try await Self.complete(lan, in: store)
        try await store.staff.delete(.console, learnerID: lan.learnerID)
        await #expect(throws: LearningError(.certificateNotFound, completion.verificationCode)) {
            _ = try await store.learning.certificate(for: .console, code: completion.verificationCode)
        }
        await #expect(throws: LearningError(.learnerDeleted)) {
            _ = try await store.learning.certificate(lan, code: completion.verificationCode)
        }
        let checked = try await store.learning.lookUpCertificate(code: completion.verificationCode)
        #expect(checked.learnerName == nil && checked.courseTitle == "Khoá học thử")
    }
}
