import CourseContent
import Foundation
import LearningCore
import TerminalFront
import TestSupport
import Testing

@Suite("hoctap learn: a whole session through scripted input, over the in-memory store")
struct TerminalFrontTests {
    @Test("Register, read a lesson, fail then pass the final quiz: exactly two attempts and the completion")
    func wholeSession() async throws {
        let harness = try await SessionHarness()
        let script = ["2", "dong", SessionHarness.name, "5", SessionHarness.pin, SessionHarness.pin, "c", "k",
                      "1",        // the course
                      "",         // Enter: the next lesson to read, "Bài một"
                      "k",        // not its check now
                      "K"] + SessionHarness.answers(right: false)
            + ["K"] + SessionHarness.answers(right: true)
            + ["0", "0", "0"]
        let (outcome, transcript) = await harness.run(script)

        #expect(outcome == .finished)
        let learners = try await harness.repository.learners(unitID: "thon-1", named: SessionHarness.name)
        let learner = try #require(learners.first)
        #expect(learners.count == 1)
        #expect(try await harness.repository.attemptCount(learnerID: learner.id, quizID: "khoa/quiz") == 2)
        let completions = try await harness.repository.completions(learnerID: learner.id)
        #expect(completions.count == 1)
        #expect(completions.first?.percent == 100)
        let progress = try await harness.repository.courseProgress(learnerID: learner.id, courseID: "khoa")
        #expect(progress.lessonsCompleted == ["01-mot"])
        #expect(try await harness.repository.openAttempt(learnerID: learner.id, quizID: "khoa/quiz") == nil)
        let consents = try await harness.signIn.consents(LearnerIdentity(learnerID: learner.id, unitID: "thon-1",
                                                                         displayName: SessionHarness.name))
        #expect(consents == [.learning])

        #expect(transcript.contains("Đã đăng ký Nguyễn Thị Lan (Thôn Đông)"))
        #expect(transcript.contains("Đã đọc xong bài \"Bài một\""))
        #expect(transcript.contains("Kết quả: đúng 0/5 câu (0%)."))
        #expect(transcript.contains("CHƯA ĐẠT (cần 80%)."))
        #expect(transcript.contains("Kết quả: đúng 5/5 câu (100%)."))
        #expect(transcript.contains("Chúc mừng! Bạn đã hoàn thành khoá học \"Khoá học thử\""))
        #expect(transcript.contains(completions[0].verificationCode))
        #expect(!transcript.contains(SessionHarness.pin), "the PIN is never written back")
        #expect(!transcript.contains("\u{1B}"), "no escape codes when the output is not a terminal")
        #expect(transcript.split(separator: "\n").allSatisfy { TerminalText.width($0) <= 80 })
    }

    @Test("A choice that is not one is refused in Vietnamese and asked again; nothing is lost")
    func invalidChoiceAskedAgain() async throws {
        let harness = try await SessionHarness()
        let identity = try await harness.register()
        let script = SessionHarness.signInLines + ["1", "K", "7", "abc", "Đúng 0", "0"]
            + SessionHarness.answers(right: true, from: 1) + ["0", "0", "0"]
        let (outcome, transcript) = await harness.run(script)

        #expect(outcome == .finished)
        #expect(transcript.occurrences(of: "Lựa chọn chưa hợp lệ. Hãy gõ một số từ 1 đến 2.") == 3)
        #expect(transcript.occurrences(of: "Câu 1/5 (chọn một đáp án)") == 1, "the question is not shown again")
        let completions = try await harness.repository.attemptCount(learnerID: identity.learnerID, quizID: "khoa/quiz")
        #expect(completions == 1)
        #expect(transcript.contains("Kết quả: đúng 5/5 câu (100%)."))
    }

    @Test("End of input in the middle of a quiz keeps the answers; the next session resumes the same attempt")
    func endOfInputThenResume() async throws {
        let harness = try await SessionHarness()
        let identity = try await harness.register()
        let first = SessionHarness.signInLines + ["1", "K", "Đúng 0", "Sai 1"]
        let (outcome, transcript) = await harness.run(first)

        #expect(outcome == .leftQuizOpen)
        #expect(transcript.contains("Các câu đã trả lời đều đã được lưu"))
        let open = try #require(try await harness.repository.openAttempt(learnerID: identity.learnerID,
                                                                          quizID: "khoa/quiz"))
        #expect(open.responses.count == 2)

        let second = SessionHarness.signInLines + ["1", "K"] + SessionHarness.answers(right: true, from: 2)
            + ["0", "0", "0"]
        let (again, resumed) = await harness.run(second)
        #expect(again == .finished)
        #expect(resumed.contains("Tiếp tục bài làm dở: bạn đã trả lời 2/5 câu."))
        #expect(!resumed.contains("Câu 1/5"), "answered questions are not asked again")
        #expect(resumed.contains("Kết quả: đúng 4/5 câu (80%)."))
        #expect(try await harness.repository.attemptCount(learnerID: identity.learnerID, quizID: "khoa/quiz") == 1)
        let record = try #require(try await harness.repository.attempt(id: open.attemptID))
        #expect(record.result.percent == 80)
    }

    @Test("An attempt started through the use case, as the web front does, resumes in the terminal")
    func attemptStartedElsewhereResumes() async throws {
        let harness = try await SessionHarness()
        let identity = try await harness.register()
        let view = try await harness.learning.startAttempt(identity, courseID: "khoa", quizID: "khoa/quiz")
        _ = try await harness.learning.answer(identity, attemptID: view.attemptID, questionID: view.questions[0].id,
                                              response: CourseFixtures.rightResponse(view.questions[0]))

        let script = SessionHarness.signInLines + ["1", "K"] + SessionHarness.answers(right: true, from: 1)
            + ["0", "0", "0"]
        let (outcome, transcript) = await harness.run(script)
        #expect(outcome == .finished)
        #expect(transcript.contains("Tiếp tục bài làm dở: bạn đã trả lời 1/5 câu."))
        let record = try #require(try await harness.repository.attempt(id: view.attemptID))
        #expect(record.result.percent == 100)
        #expect(try await harness.repository.attemptCount(learnerID: identity.learnerID, quizID: "khoa/quiz") == 1)
    }

    @Test("Practising without signing in stores nothing and says so")
    func practiceStoresNothing() async throws {
        let harness = try await SessionHarness()
        let script = ["3", "1", "1", "c", "1", "K"] + SessionHarness.answers(right: true) + ["0", "0", "0"]
        let (outcome, transcript) = await harness.run(script)
        #expect(outcome == .finished)
        #expect(transcript.contains("Bạn đang học thử: không có gì được lưu lại"))
        #expect(transcript.contains("✓ Đúng."), "the lesson check gives feedback after each question")
        #expect(transcript.contains("Kết quả: đúng 5/5 câu (100%)."))
        #expect(try await harness.repository.units().count == 2)
        #expect(try await harness.repository.learners(unitID: "thon-1", named: SessionHarness.name).isEmpty)
    }

    @Test("A wrong PIN is refused with the use case's message, without saying which part was wrong")
    func wrongPIN() async throws {
        let harness = try await SessionHarness()
        try await harness.register()
        let (outcome, transcript) = await harness.run(["1", "dong", SessionHarness.name, "0000", "0"])
        #expect(outcome == .finished)
        #expect(transcript.contains("Họ tên hoặc mã PIN chưa đúng."))
    }

    @Test("Lessons page on a terminal: Space or Enter next, b back, q to the menu without marking read")
    func paging() async throws {
        let harness = try await SessionHarness()
        let identity = try await harness.register()
        let output = CapturedOutput(columns: 100, pageLines: 2)
        let session = TerminalSession(
            learning: harness.learning, signIn: harness.signIn, messages: MessageCatalog.bundled,
            input: ScriptedInput(SessionHarness.signInLines + ["1", "1", " ", "b", "q", "0", "0", "0"]),
            output: output, noticeVersion: "2026-01")
        #expect(await session.run() == .finished)
        #expect(output.text.occurrences(of: "Trang 1/2") == 2, "shown, then again after b")
        #expect(output.text.occurrences(of: "Trang 2/2, trang cuối") == 1)
        let progress = try await harness.repository.courseProgress(learnerID: identity.learnerID, courseID: "khoa")
        #expect(progress.lessonsCompleted.isEmpty, "left with q before the end: not marked read")
        #expect(progress.lessonsVisited == ["01-mot"])
    }

    @Test("hoctap progress: after the PIN, the standing in each course and the completions with their codes")
    func progressWithCodes() async throws {
        let harness = try await SessionHarness()
        let identity = try await harness.register()
        try await harness.learning.finishLesson(identity, courseID: "khoa", lessonID: "01-mot")
        var view = try await harness.learning.startAttempt(identity, courseID: "khoa", quizID: "khoa/quiz")
        for question in view.questions {
            view = try await harness.learning.answer(identity, attemptID: view.attemptID, questionID: question.id,
                                                     response: CourseFixtures.rightResponse(question))
        }
        view = try await harness.learning.submit(identity, attemptID: view.attemptID, submissionID: "s-1")
        let code = try #require(view.result?.completion?.verificationCode)

        let output = CapturedOutput(columns: 100)
        let session = TerminalSession(learning: harness.learning, signIn: harness.signIn,
                                      messages: MessageCatalog.bundled, input: ScriptedInput([SessionHarness.pin]),
                                      output: output, noticeVersion: "2026-01")
        #expect(await session.showProgress(unitID: "thon-1", name: SessionHarness.name))
        #expect(output.text.contains("Tiến độ học tập của Nguyễn Thị Lan"))
        #expect(output.text.contains("Đã hoàn thành 1 khoá học:"))
        #expect(output.text.contains("• Khoá học thử: ngày "))
        #expect(output.text.contains("điểm 100%, mã xác nhận \(code)"))
        #expect(!output.text.contains(SessionHarness.pin))

        let refused = CapturedOutput()
        let wrong = TerminalSession(learning: harness.learning, signIn: harness.signIn,
                                    messages: MessageCatalog.bundled, input: ScriptedInput(["9999"]), output: refused,
                                    noticeVersion: "2026-01")
        #expect(await wrong.showProgress(unitID: "thon-1", name: SessionHarness.name) == false)
        #expect(refused.text.contains("Họ tên hoặc mã PIN chưa đúng."))
        #expect(!refused.text.contains("Khoá học thử"))
    }

    @Test("On a narrow terminal the page prompt is the short one, on one line")
    func narrowPagePrompt() async throws {
        let harness = try await SessionHarness()
        try await harness.register()
        let output = CapturedOutput(columns: 40, pageLines: 2)
        let session = TerminalSession(
            learning: harness.learning, signIn: harness.signIn, messages: MessageCatalog.bundled,
            input: ScriptedInput(SessionHarness.signInLines + ["1", "1", "", "", "k", "0", "0", "0"]),
            output: output, noticeVersion: "2026-01")
        #expect(await session.run() == .finished)
        #expect(output.text.contains("\n1/2 · Enter: tiếp · b: lùi · q: thoát\n"))
        #expect(output.text.contains("Đã đọc xong bài \"Bài một\""))
    }
}
