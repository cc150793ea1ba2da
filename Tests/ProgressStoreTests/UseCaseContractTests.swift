import Foundation
import LearningCore
import ProgressStore
import Testing
import TestSupport

/// The rules both fronts call, run over the SQLite store and the in-memory one alike: where they could behave
/// differently, this suite decides and both follow.
@Suite("Use cases over both stores (contract)")
struct UseCaseContractTests {
    // MARK: Sign-in

    @Test(arguments: StoreKind.available)
    func wrongPINsAreDelayedThenLockedAndARestartDoesNotResetTheCount(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner(pin: "2468")
        func attempt(_ pin: String) async throws -> LearnerIdentity {
            try await store.signIn.signIn(unitID: "thon-1", name: "Nguyễn Thị Lan", pin: pin, clientKey: "kiosk-a")
        }
        for _ in 0..<3 {
            await #expect(throws: LearningError(.signInFailed)) { _ = try await attempt("0000") }
        }
        try await store.restart()
        // Three failures are free; the fourth try must wait 5 s, even after a restart.
        do {
            _ = try await attempt("2468")
            Issue.record("a try inside the delay was let through")
        } catch let error as LearningError {
            #expect(error.kind == .signInThrottled && error.retryAfterSeconds == 5)
        }
        store.clock.advance(seconds: 6)
        await #expect(throws: LearningError(.signInFailed)) { _ = try await attempt("0000") }
        // The delay doubles.
        do { _ = try await attempt("2468") } catch let error as LearningError {
            #expect(error.kind == .signInThrottled && error.retryAfterSeconds == 10)
        }
        // Ten failures lock the learner for 15 minutes; the lock lifts after it.
        for _ in 0..<6 {
            store.clock.advance(seconds: 301)
            await #expect(throws: LearningError(.signInFailed)) { _ = try await attempt("0000") }
        }
        store.clock.advance(seconds: 301)
        do { _ = try await attempt("2468") } catch let error as LearningError {
            #expect(error.kind == .signInThrottled && (error.retryAfterSeconds ?? 0) > 500)
        }
        store.clock.advance(seconds: 15 * 60 + 1)
        #expect(try await attempt("2468") == lan)
    }

    @Test(arguments: StoreKind.available)
    func namesakesAreToldApartByPINAloneAndNFDNamesSignIn(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let first = try await store.learner("Nguyễn Văn An", pin: "1111")
        let second = try await store.learner("Nguyễn Văn An", pin: "2222")
        #expect(first.learnerID != second.learnerID)
        let typedNFD = "Nguyễn Văn An".decomposedStringWithCanonicalMapping
        let signedIn = try await store.signIn.signIn(unitID: "thon-1", name: typedNFD, pin: "2222", clientKey: "k")
        #expect(signedIn == second)
        await #expect(throws: LearningError(.pinInUse)) { _ = try await store.learner("nguyễn văn an", pin: "1111") }
    }

    @Test(arguments: StoreKind.available)
    func aNameWithInvisibleDirectionOrControlCharactersIsRefusedAtRegistration(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        await #expect(throws: ProgressError(.invalidNameCharacters, "Lan<U+202E>naL")) {
            _ = try await store.learner("Lan\u{202E}naL")
        }
        await #expect(throws: ProgressError(.invalidNameCharacters, "Lan<U+001B>")) {
            _ = try await store.learner("Lan\u{1B}")
        }
        #expect(try await store.repository.learners(unitID: "thon-1", named: "Lan").isEmpty)
    }

    @Test(arguments: StoreKind.available)
    func retiredUnitsAndDeletedLearnersGetTheirOwnRefusal(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        try await store.staff.delete(.console, learnerID: lan.learnerID)
        await #expect(throws: LearningError(.learnerDeleted)) { _ = try await store.learning.courses(for: lan) }
        await #expect(throws: LearningError(.signInFailed)) {
            _ = try await store.signIn.signIn(unitID: "thon-1", name: "Nguyễn Thị Lan", pin: "2468", clientKey: "k")
        }
        var retired = CourseFixtures.units[1]
        retired.retiredAt = store.clock.now()
        try await store.repository.saveUnits([retired])
        // The configuration read again without the retirement keeps it.
        try await store.repository.saveUnits(CourseFixtures.units)
        await #expect(throws: LearningError(.unitRetired, "Thôn Tây")) {
            _ = try await store.signIn.signIn(unitID: "thon-2", name: "Ai", pin: "1234", clientKey: "k")
        }
        #expect(try await store.signIn.activeUnits().map(\.id) == ["thon-1"])
        #expect(try await store.signIn.units(matching: "dong").map(\.name) == ["Thôn Đông"])
    }

    // MARK: Consent

    @Test(arguments: StoreKind.available)
    func withoutLearningConsentNothingIsStored(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        await #expect(throws: LearningError(.consentNotGiven)) {
            _ = try await store.learner(consent: ConsentChoices(learning: false, reporting: true, noticeVersion: "1"))
        }
        let lan = try await store.learner()
        #expect(try await store.signIn.consents(lan) == [.learning])
        try await store.signIn.setConsent(lan, purpose: .learning, given: false, noticeVersion: "2026-01")
        let lesson = try await store.learning.openLesson(lan, courseID: "khoa", lessonID: "01-mot")
        #expect(!lesson.isRecorded)
        #expect(try await store.learning.finishLesson(lan, courseID: "khoa", lessonID: "01-mot") == nil)
        await #expect(throws: LearningError(.learningConsentRequired)) {
            _ = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        }
        let progress = try await store.repository.courseProgress(learnerID: lan.learnerID, courseID: "khoa")
        #expect(progress.lessonsVisited.isEmpty && progress.lessonsCompleted.isEmpty)
        // Practice without signing in stores nothing either.
        var practice = try store.learning.startPractice(courseID: "khoa", quizID: "khoa/quiz")
        try store.learning.answerPractice(&practice, questionID: practice.questionIDs[0], response: .choices(["a"]))
        store.learning.submitPractice(&practice)
        #expect(practice.result != nil)
        #expect(try await store.repository.attemptCount(learnerID: lan.learnerID, quizID: "khoa/quiz") == 0)
    }

    // MARK: Attempts

    @Test(arguments: StoreKind.available)
    func aRefreshOrARestartResumesTheSameQuestionsAnswersAndDeadline(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let started = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        #expect(started.deadline == started.startedAt.addingTimeInterval(600))
        _ = try await store.learning.answer(lan, attemptID: started.attemptID, questionID: started.questions[0].id,
                                            response: CourseFixtures.rightResponse(started.questions[0]))
        store.clock.advance(seconds: 120)
        try await store.restart()
        let again = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        #expect(again.attemptID == started.attemptID, "one open attempt per learner and quiz")
        #expect(again.questions.map(\.id) == started.questions.map(\.id))
        #expect(again.questions.map { $0.choices.map(\.id) } == started.questions.map { $0.choices.map(\.id) })
        #expect(again.deadline == started.deadline && again.startedAt == started.startedAt)
        #expect(again.firstUnanswered?.id == started.questions[1].id, "resumes on the next question")
        let byID = try await store.learning.attempt(lan, attemptID: started.attemptID)
        #expect(byID.questions[0].response == CourseFixtures.rightResponse(started.questions[0]))
    }

    @Test(arguments: StoreKind.available)
    func aLearnerComingBackFindsTheirOpenAttemptAndTheLessonsTheyRead(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        try await store.learning.finishLesson(lan, courseID: "khoa", lessonID: "01-mot")
        #expect(try await store.learning.openAttempts(lan).isEmpty)
        let started = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        #expect(try await store.learning.openAttempts(lan).map(\.attemptID) == [started.attemptID])
        #expect(try await store.learning.progress(lan, courseID: "khoa").lessonsCompleted == ["01-mot"])
        store.clock.advance(seconds: 601)
        #expect(try await store.learning.openAttempts(lan).isEmpty, "an attempt out of time is submitted, not resumed")
    }

    @Test(arguments: StoreKind.available)
    func concurrentStartsAndSubmitsNeverExceedTheAttemptsAllowed(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let learning = store.learning
        for round in 0..<3 {
            // Two tabs start at once: both get the one open attempt.
            async let first = learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
            async let second = learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
            let started: [AttemptView]
            do {
                started = try await [first, second]
            } catch let error as QuizAttemptError {
                #expect(round == 2 && error == .noAttemptsLeft(allowed: 2))
                continue
            }
            #expect(started[0].attemptID == started[1].attemptID)
            // Two kiosks submit at once, with their own submission ids.
            async let a = learning.submit(lan, attemptID: started[0].attemptID, submissionID: "s\(round)-a")
            async let b = learning.submit(lan, attemptID: started[1].attemptID, submissionID: "s\(round)-b")
            let results = try await [a, b]
            #expect(results[0].result == results[1].result)
        }
        #expect(try await store.repository.attemptCount(learnerID: lan.learnerID, quizID: "khoa/quiz") == 2)
    }

    @Test(arguments: StoreKind.available)
    func theSameSubmissionIDTwiceCountsOnceAndAnotherLearnersIsRefused(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let hoa = try await store.learner("Trần Thị Hoa")
        let attempt = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        let first = try await store.learning.submit(lan, attemptID: attempt.attemptID, submissionID: "kiosk-1")
        let again = try await store.learning.submit(lan, attemptID: attempt.attemptID, submissionID: "kiosk-1")
        #expect(first == again)
        #expect(try await store.repository.attemptCount(learnerID: lan.learnerID, quizID: "khoa/quiz") == 1)
        let hers = try await store.learning.startAttempt(hoa, courseID: "khoa", quizID: "khoa/quiz")
        await #expect(throws: LearningError(.submissionConflict, "kiosk-1")) {
            _ = try await store.learning.submit(hoa, attemptID: hers.attemptID, submissionID: "kiosk-1")
        }
        // An attempt id reused for another quiz is a conflict, not a second result.
        var record = try #require(try await store.repository.attempt(id: attempt.attemptID))
        record.quizID = "khoa/01-mot"
        await #expect(throws: ProgressError(.attemptConflict, attempt.attemptID)) {
            _ = try await store.repository.recordAttempt(record)
        }
    }

    @Test(arguments: StoreKind.available)
    func aLearnerCannotReadOrWriteAnothersAttemptOrDraft(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let hoa = try await store.learner("Trần Thị Hoa")
        let attempt = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        let question = attempt.questions[0]
        let notFound = LearningError(.attemptNotFound, attempt.attemptID)
        await #expect(throws: notFound) { _ = try await store.learning.attempt(hoa, attemptID: attempt.attemptID) }
        await #expect(throws: notFound) {
            _ = try await store.learning.answer(hoa, attemptID: attempt.attemptID, questionID: question.id,
                                                response: .choices(["a"]))
        }
        await #expect(throws: notFound) {
            _ = try await store.learning.submit(hoa, attemptID: attempt.attemptID, submissionID: "x")
        }
        #expect(try await store.repository.draft(attemptID: attempt.attemptID, learnerID: hoa.learnerID) == nil)
        await #expect(throws: notFound) {
            try await store.repository.saveDraftAnswer(attemptID: attempt.attemptID, learnerID: hoa.learnerID,
                                                       questionID: question.id, response: .choices(["a"]),
                                                       at: store.clock.now())
        }
        let mine = try #require(try await store.repository.draft(attemptID: attempt.attemptID, learnerID: lan.learnerID))
        #expect(mine.responses.isEmpty, "nothing was written into Lan's attempt")
        // A submitted attempt is not another learner's to see either.
        _ = try await store.learning.submit(lan, attemptID: attempt.attemptID, submissionID: "s")
        await #expect(throws: notFound) { _ = try await store.learning.attempt(hoa, attemptID: attempt.attemptID) }
    }

    @Test(arguments: StoreKind.available)
    func aTimedOutAttemptIsSubmittedOnceWithItsAnswersAndItsCompletionKept(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        try await store.learning.finishLesson(lan, courseID: "khoa", lessonID: "01-mot")
        let attempt = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        for question in attempt.questions.prefix(4) {
            _ = try await store.learning.answer(lan, attemptID: attempt.attemptID, questionID: question.id,
                                                response: CourseFixtures.rightResponse(question))
        }
        store.clock.advance(seconds: 601)
        // The learner walked away; the next access submits it with the answers given, dated at the deadline.
        let late = try await store.learning.answer(lan, attemptID: attempt.attemptID,
                                                   questionID: attempt.questions[4].id,
                                                   response: CourseFixtures.rightResponse(attempt.questions[4]))
        let result = try #require(late.result)
        #expect(result.percent == 80 && result.passed)
        #expect(result.submittedAt == attempt.deadline)
        #expect(result.completion?.completedAt == attempt.deadline, "the completion's time is the attempt's time")
        #expect(try await store.learning.sweepExpiredAttempts() == 0)
        #expect(try await store.repository.attemptCount(learnerID: lan.learnerID, quizID: "khoa/quiz") == 1)
        let view = try await store.learning.attempt(lan, attemptID: attempt.attemptID)
        #expect(view.result?.completion == result.completion)
    }

    @Test(arguments: StoreKind.available)
    func theSweepSubmitsExpiredAttemptsAndTheLearnerSeesTheResultNextTime(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let attempt = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        _ = try await store.learning.answer(lan, attemptID: attempt.attemptID, questionID: attempt.questions[0].id,
                                            response: CourseFixtures.rightResponse(attempt.questions[0]))
        store.clock.advance(seconds: 599)
        #expect(try await store.learning.sweepExpiredAttempts() == 0, "not yet due")
        store.clock.advance(seconds: 2)
        #expect(try await store.learning.sweepExpiredAttempts() == 1)
        #expect(try await store.learning.sweepExpiredAttempts() == 0)
        let view = try await store.learning.attempt(lan, attemptID: attempt.attemptID)
        #expect(view.result?.percent == 20 && view.result?.passed == false)
    }

    @Test(arguments: StoreKind.available)
    func passingTheFinalQuizStoresTheAttemptAndTheCompletionTogether(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        _ = try await store.learning.openLesson(lan, courseID: "khoa", lessonID: "01-mot")
        #expect(try await store.learning.finishLesson(lan, courseID: "khoa", lessonID: "01-mot") == nil)
        let attempt = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        for question in attempt.questions {
            _ = try await store.learning.answer(lan, attemptID: attempt.attemptID, questionID: question.id,
                                                response: CourseFixtures.rightResponse(question))
        }
        store.clock.advance(seconds: 60)
        let submitted = try await store.learning.submit(lan, attemptID: attempt.attemptID, submissionID: "s-1")
        let completion = try #require(submitted.result?.completion)
        #expect(completion.percent == 100 && completion.courseVersion == 3)
        #expect(completion.completedAt == submitted.result?.submittedAt)
        #expect(try await store.learning.certificates(lan) == [completion])
        let retried = try await store.learning.submit(lan, attemptID: attempt.attemptID, submissionID: "s-1")
        #expect(retried.result?.completion == completion, "a retry gets the same completion")
        let courses = try await store.learning.courses(for: lan)
        #expect(courses.first?.state == .completed(completion))
        let certificate = try await store.learning.lookUpCertificate(code: completion.verificationCode.lowercased())
        #expect(certificate.learnerName == "Nguyễn Thị Lan" && certificate.courseTitle == "Khoá học thử")
        await #expect(throws: LearningError(.certificateNotFound, "ZZZZ-ZZZZ-ZZ")) {
            _ = try await store.learning.lookUpCertificate(code: "ZZZZ-ZZZZ-ZZ")
        }
    }

    // MARK: What a learner may see

    @Test(arguments: StoreKind.available)
    func noViewCarriesAKeyOrAnExplanationBeforeTheRuleAllows(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind, feedback: .whenClosed)
        let lan = try await store.learner()
        let attempt = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        let answered = try await store.learning.answer(lan, attemptID: attempt.attemptID,
                                                       questionID: attempt.questions[0].id,
                                                       response: CourseFixtures.wrongResponse(attempt.questions[0]))
        let submitted = try await store.learning.submit(lan, attemptID: attempt.attemptID, submissionID: "s")
        for view in [attempt, answered, submitted] {
            #expect(view.questions.allSatisfy { $0.feedback == nil })
            #expect(!String(reflecting: view).contains("Giải thích bí mật"))
            #expect(!String(reflecting: view).contains("isCorrect"))
        }
        #expect(submitted.result?.showsAnswers == false)
        // Staff close the quiz: from then on the learner sees what was right and why.
        try await store.staff.setQuizClosed(.console, quizID: "khoa/quiz", closed: true)
        let closed = try await store.learning.attempt(lan, attemptID: attempt.attemptID)
        #expect(closed.result?.showsAnswers == true)
        let first = try #require(closed.questions.first?.feedback)
        #expect(!first.isCorrect && first.explanationText == "Giải thích bí mật \(attempt.questions[0].id.last!)")
    }

    @Test(arguments: StoreKind.available)
    func feedbackAfterEachQuestionShowsOnlyTheAnsweredOnes(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind, feedback: .afterEachQuestion)
        let lan = try await store.learner()
        let attempt = try await store.learning.startAttempt(lan, courseID: "khoa", quizID: "khoa/quiz")
        let view = try await store.learning.answer(lan, attemptID: attempt.attemptID,
                                                   questionID: attempt.questions[0].id,
                                                   response: CourseFixtures.rightResponse(attempt.questions[0]))
        #expect(view.questions[0].feedback?.isCorrect == true)
        #expect(view.questions.dropFirst().allSatisfy { $0.feedback == nil })
    }

    // MARK: Staff

    @Test(arguments: StoreKind.available)
    func aUnitClerkIsRefusedAnotherUnitsLearnersAndEveryActionIsAudited(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner()
        let tay = try await store.learner("Lê Văn Tây", unit: "thon-2")
        let admin = StaffIdentity.console
        _ = try await store.staff.createAccount(admin, username: "thuky-dong", displayName: "Thư ký thôn Đông",
                                                password: "mat-khau-dai-2026", role: .unitClerk, unitID: "thon-1")
        let clerk = try await store.staff.signIn(username: "thuky-dong", password: "mat-khau-dai-2026",
                                                 clientKey: "10.0.0.1")
        await #expect(throws: LearningError(.staffSignInFailed)) {
            _ = try await store.staff.signIn(username: "thuky-dong", password: "sai", clientKey: "10.0.0.1")
        }
        #expect(try await store.staff.learners(clerk, unitID: nil).map(\.id) == [lan.learnerID])
        await #expect(throws: LearningError(.forbidden, "thon-2")) {
            _ = try await store.staff.learners(clerk, unitID: "thon-2")
        }
        await #expect(throws: LearningError(.forbidden, String(tay.learnerID))) {
            _ = try await store.staff.personalData(clerk, learnerID: tay.learnerID)
        }
        await #expect(throws: LearningError(.forbidden, String(tay.learnerID))) {
            try await store.staff.delete(clerk, learnerID: tay.learnerID)
        }
        await #expect(throws: LearningError(.forbidden, "thon-2")) {
            _ = try await store.staff.correct(clerk, learnerID: lan.learnerID, LearnerCorrection(unitID: "thon-2"))
        }
        let data = try await store.staff.personalData(clerk, learnerID: lan.learnerID)
        #expect(data.displayName == "Nguyễn Thị Lan" && data.consents.count == 1)
        try await store.staff.withdrawConsent(clerk, learnerID: lan.learnerID, purpose: .learning,
                                              noticeVersion: "2026-01")
        #expect(try await store.signIn.consents(lan).isEmpty)
        let log = try await store.staff.auditLog(admin)
        #expect(log.map(\.action) == [.withdrawConsent, .viewLearner, .listLearners, .createStaffAccount])
        #expect(log.allSatisfy { $0.staffName == "thuky-dong" || $0.staffName == "console" })
        await #expect(throws: LearningError(.forbidden)) { _ = try await store.staff.auditLog(clerk) }
    }

    @Test(arguments: StoreKind.available)
    func staffAccountsAreListedDisabledEnabledAndResetAndARestartKeepsThem(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        #expect(try await !store.staff.hasAccounts())
        let admin = try await store.staff.createAccount(.console, username: "quantri", displayName: "Quản trị xã",
                                                        password: "mat-khau-dai-2026", role: .admin, unitID: nil)
        _ = try await store.staff.createAccount(.console, username: "thuky-dong", displayName: "Thư ký thôn Đông",
                                                password: "mat-khau-dai-2026", role: .unitClerk, unitID: "thon-1")
        #expect(try await store.staff.hasAccounts())
        await #expect(throws: ProgressError(.duplicateUsername, "thuky-dong")) {
            _ = try await store.repository.createStaffAccount(username: "thuky-dong", displayName: "X",
                                                              password: "mat-khau-dai-2026", role: .admin, unitID: nil,
                                                              at: store.clock.now())
        }
        await #expect(throws: ProgressError(.unknownUnit, "thon-9")) {
            _ = try await store.staff.createAccount(.console, username: "thuky-9", displayName: "",
                                                    password: "mat-khau-dai-2026", role: .unitClerk, unitID: "thon-9")
        }
        let signedIn = try await store.staff.signIn(username: "quantri", password: "mat-khau-dai-2026", clientKey: "k")
        #expect(signedIn == admin.identity)
        try await store.staff.setAccountDisabled(signedIn, username: "thuky-dong", disabled: true)
        store.clock.advance(seconds: 60)
        try await store.restart()
        let accounts = try await store.staff.accounts(signedIn)
        #expect(accounts.map(\.username) == ["quantri", "thuky-dong"])
        #expect(accounts.map(\.displayName) == ["Quản trị xã", "Thư ký thôn Đông"])
        #expect(accounts[1].role == .unitClerk && accounts[1].unitID == "thon-1")
        #expect(accounts[0].disabledAt == nil && accounts[1].disabledAt == store.clock.now().addingTimeInterval(-60))
        #expect(try await store.repository.staffAccountCount() == 2)
        await #expect(throws: LearningError(.staffSignInFailed)) {
            _ = try await store.staff.signIn(username: "thuky-dong", password: "mat-khau-dai-2026", clientKey: "k")
        }
        try await store.staff.setAccountDisabled(signedIn, username: "thuky-dong", disabled: false)
        try await store.staff.resetPassword(signedIn, username: "thuky-dong", password: "mat-khau-moi-2027")
        await #expect(throws: LearningError(.staffSignInFailed)) {
            _ = try await store.staff.signIn(username: "thuky-dong", password: "mat-khau-dai-2026", clientKey: "k")
        }
        #expect(try await store.staff.signIn(username: "thuky-dong", password: "mat-khau-moi-2027", clientKey: "k")
                .unitID == "thon-1")
        await #expect(throws: ProgressError(.unknownStaffAccount, "khong-co")) {
            try await store.repository.resetStaffPassword(username: "khong-co", password: "mat-khau-dai-2026")
        }
        await #expect(throws: ProgressError(.unknownStaffAccount, "khong-co")) {
            _ = try await store.repository.setStaffAccountDisabled(username: "khong-co", disabledAt: nil)
        }
        let log = try await store.staff.auditLog(signedIn).map(\.action)
        #expect(log == [.resetStaffPassword, .enableStaffAccount, .disableStaffAccount, .createStaffAccount,
                        .createStaffAccount])
    }

    @Test(arguments: StoreKind.available)
    func staffSignInFailuresSurviveARestartAndNeverTouchALearnersOrAKiosksCount(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let lan = try await store.learner(pin: "2468")
        _ = try await store.staff.createAccount(.console, username: "quantri", displayName: "", password:
                                                    "mat-khau-dai-2026", role: .admin, unitID: nil)
        // Thirty staff failures from one address lock that address for staff sign-in …
        for index in 0..<30 {
            if index > 0 { store.clock.advance(seconds: 121) }
            await #expect(throws: LearningError(.staffSignInFailed)) {
                _ = try await store.staff.signIn(username: "nguoi-\(index % 3)", password: "sai", clientKey: "10.0.0.7")
            }
        }
        try await store.restart()
        do {
            _ = try await store.staff.signIn(username: "quantri", password: "mat-khau-dai-2026", clientKey: "10.0.0.7")
            Issue.record("a locked address was let through after a restart")
        } catch let error as LearningError {
            #expect(error.kind == .signInThrottled && (error.retryAfterSeconds ?? 0) > 10 * 60)
        }
        // … but a kiosk at the same address signs a learner in as before.
        #expect(try await store.signIn.signIn(unitID: "thon-1", name: "Nguyễn Thị Lan", pin: "2468",
                                              clientKey: "10.0.0.7") == lan)
        #expect(try await store.repository.signInThrottle(key: "kiosk:10.0.0.7") == nil)
        #expect(try await store.repository.signInThrottle(key: "client:10.0.0.7") == nil, "filed apart")
        #expect(try await store.repository.staffSignInThrottle(key: "client:10.0.0.7")?.failures == 30)
        // Wrong PINs at a kiosk leave the staff counts alone.
        for _ in 0..<5 {
            await #expect(throws: LearningError.self) {
                _ = try await store.signIn.signIn(unitID: "thon-1", name: "Nguyễn Thị Lan", pin: "0000",
                                                  clientKey: "10.0.0.8")
            }
        }
        #expect(try await store.staff.signIn(username: "quantri", password: "mat-khau-dai-2026", clientKey: "10.0.0.8")
                .name == "quantri")
    }

    @Test(arguments: StoreKind.available)
    func aClerksImportIsAllOrNothingWithinTheirUnitAndTheTemplateImports(_ kind: StoreKind) async throws {
        let store = try await ContractStore(kind)
        let clerk = try await store.staff.createAccount(.console, username: "thuky-dong", displayName: "",
                                                        password: "mat-khau-dai-2026", role: .unitClerk,
                                                        unitID: "thon-1").identity
        let template = try await store.staff.importLearners(clerk, csv: LearnerImportRules.templateCSV)
        #expect(template == LearnerImportReport(acceptedCount: 1, imported: true, problems: []))
        // The imported PIN signs in at a kiosk.
        let lan = try await store.signIn.signIn(unitID: "thon-1", name: "Nguyễn Thị Lan", pin: "2468", clientKey: "k")
        #expect(try await store.repository.learner(id: lan.learnerID)?.phone == "0912345678")

        let csv = """
            ho_ten,don_vi,doi_tuong,so_dien_thoai,ma_pin
            Trần Văn Bình,thon-1,nguoi-dan,,1357
            Lê Thị Cúc,thon-2,nguoi-dan,,
            Phạm Văn Dũng,thon-1,hoc-sinh,,
            """
        let refused = try await store.staff.importLearners(clerk, csv: csv)
        #expect(!refused.imported && refused.acceptedCount == 1 && refused.refusedLineCount == 2)
        #expect(refused.problems == [
            LearnerImportProblem(line: 3, column: "don_vi", reason: "other-unit", value: "thon-2"),
            LearnerImportProblem(line: 4, column: "doi_tuong", reason: "unknown-category", value: "hoc-sinh"),
        ])
        #expect(try await store.repository.learners(unitID: nil).map(\.id) == [lan.learnerID], "nothing written")

        let commune = StaffIdentity(accountID: nil, name: "canbo-xa", role: .communeStaff, unitID: nil)
        let fixed = csv.replacingOccurrences(of: "hoc-sinh", with: "nguoi-dan") + "\nNguyễn Thị Lan,thon-1,nguoi-dan,0912 345 678,\n"
        let imported = try await store.staff.importLearners(commune, csv: fixed)
        #expect(imported == LearnerImportReport(acceptedCount: 3, alreadyPresentCount: 1, imported: true, problems: []))
        #expect(try await store.repository.learners(unitID: "thon-2").map(\.displayName) == ["Lê Thị Cúc"])
        let again = try await store.staff.importLearners(commune, csv: fixed)
        #expect(again.imported && again.acceptedCount == 0 && again.alreadyPresentCount == 4)
        let log = try await store.staff.auditLog(.console).filter { $0.action == .importLearners }
        #expect(log.map(\.detail) == ["moi=0,da-co=4", "moi=3,da-co=1", "moi=1,da-co=0"])
        #expect(log.map(\.staffName) == ["canbo-xa", "canbo-xa", "thuky-dong"])
    }
}
