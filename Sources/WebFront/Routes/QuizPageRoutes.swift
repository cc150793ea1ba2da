import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// Quizzes in the browser, one question a page: an introduction with the quiz's rules and a start button, each
/// question with Back and Next (every answer saved as a draft when the learner moves on), a review page before
/// "Nộp bài" (carrying a submission id, so a double tap or a retried post counts once), and the result, showing
/// answers and explanations only when the use case says the quiz's rule allows. A signed-in learner's attempt
/// is stored by `LearningService`; a visitor's practice attempt lives in their session and is never stored.
struct QuizPageRoutes: Sendable {
    let pages: Pages
    var services: KioskServices { pages.services }
    var learning: LearningService { pages.services.learning }

    func register(on router: Router<KioskRequestContext>) {
        router.get("/khoa-hoc/{courseId}/kiem-tra/{quizKey}") { _, context in
            try await introPage(context, courseID: try context.parameters.require("courseId"),
                                quizKey: try context.parameters.require("quizKey"))
        }
        router.post("/khoa-hoc/{courseId}/kiem-tra/{quizKey}") { request, context in
            try await start(request, context, courseID: try context.parameters.require("courseId"),
                            quizKey: try context.parameters.require("quizKey"))
        }
        router.get("/bai-lam/{attemptId}/cau/{number}") { _, context in
            try await questionPage(context, attemptID: try context.parameters.require("attemptId"),
                                   number: try context.parameters.require("number", as: Int.self))
        }
        router.post("/bai-lam/{attemptId}/cau/{number}") { request, context in
            try await saveAnswer(request, context, attemptID: try context.parameters.require("attemptId"),
                                 number: try context.parameters.require("number", as: Int.self))
        }
        router.get("/bai-lam/{attemptId}/xem-lai") { _, context in
            try await reviewPage(context, attemptID: try context.parameters.require("attemptId"))
        }
        router.post("/bai-lam/{attemptId}/nop") { request, context in
            try await submit(request, context, attemptID: try context.parameters.require("attemptId"))
        }
        router.get("/bai-lam/{attemptId}/ket-qua") { _, context in
            try await resultPage(context, attemptID: try context.parameters.require("attemptId"))
        }
    }

    // MARK: Paths

    static func questionPath(_ attemptID: String, _ number: Int) -> String {
        "/bai-lam/\(PageContext.pathSegment(attemptID))/cau/\(number)"
    }
    static func reviewPath(_ attemptID: String) -> String { "/bai-lam/\(PageContext.pathSegment(attemptID))/xem-lai" }
    static func resultPath(_ attemptID: String) -> String { "/bai-lam/\(PageContext.pathSegment(attemptID))/ket-qua" }
    /// The quiz's key in its course's URL: `quiz` for `khoa/quiz`, the lesson id for a lesson's check.
    static func quizKey(_ quiz: Quiz, courseID: String) -> String {
        quiz.id.hasPrefix(courseID + "/") ? String(quiz.id.dropFirst(courseID.count + 1)) : quiz.id
    }
    static func quizPath(_ quiz: Quiz, courseID: String) -> String {
        "\(PageContext.coursePath(courseID))/kiem-tra/\(PageContext.pathSegment(quizKey(quiz, courseID: courseID)))"
    }

    /// Where an attempt continues: its first unanswered question, or the review page when all are answered;
    /// its result once submitted.
    static func continuePath(_ view: AttemptView) -> String {
        if !view.isOpen { return resultPath(view.attemptID) }
        if let next = view.firstUnanswered { return questionPath(view.attemptID, next.number) }
        return reviewPath(view.attemptID)
    }

    /// Where a learner signing in continues when a quiz of theirs is still open (a kiosk that went idle mid-quiz):
    /// the question where it stopped. Nil when nothing is open.
    static func resumeLocation(_ identity: LearnerIdentity, services: KioskServices) async throws -> String? {
        try await services.learning.openAttempts(identity).first { $0.isOpen }.map(continuePath)
    }

    // MARK: Attempts, recorded or practice

    /// Whose attempt a page is about.
    enum Owner {
        case learner(LearnerIdentity)
        case practice(token: String, KioskSession.Practice)
        var isPractice: Bool { if case .practice = self { true } else { false } }
    }

    func load(_ attemptID: String, _ context: KioskRequestContext) async throws -> (AttemptView, Owner) {
        guard let handle = context.session else { throw WebInputError(.signInRequired) }
        if let practice = handle.session.practice[attemptID] {
            let view = try await learning.view(ofPractice: practice.attempt, courseID: practice.courseID)
            return (view, .practice(token: handle.token, practice))
        }
        guard let identity = handle.session.identity else { throw LearningError(.attemptNotFound, attemptID) }
        return (try await learning.attempt(identity, attemptID: attemptID), .learner(identity))
    }

    func answer(_ owner: Owner, attemptID: String, questionID: String, response: LearningCore.Response) async throws
        -> AttemptView
    {
        switch owner {
        case .learner(let identity):
            return try await learning.answer(identity, attemptID: attemptID, questionID: questionID, response: response)
        case .practice(let token, var practice):
            try learning.answerPractice(&practice.attempt, questionID: questionID, response: response)
            let kept = practice
            await pages.sessions.update(token: token) { $0.practice[attemptID] = kept }
            return try await learning.view(ofPractice: practice.attempt, courseID: practice.courseID)
        }
    }

    // MARK: Pages

    func quiz(courseID: String, quizKey: String) throws -> (Course, Quiz) {
        let course = try learning.course(id: courseID)
        guard let quiz = course.quizzes.first(where: { $0.id == "\(course.id)/\(quizKey)" || $0.id == quizKey }) else {
            throw LearningError(.unknownQuiz, quizKey)
        }
        return (course, quiz)
    }

    func introPage(_ context: KioskRequestContext, courseID: String, quizKey: String) async throws -> Response {
        var context = context
        let (course, quiz) = try quiz(courseID: courseID, quizKey: quizKey)
        await pages.ensureSession(&context)
        var page = pages.base(quiz.title, context)
        page.merge(PageContext.course(course)) { _, new in new }
        page["quizTitle"] = quiz.title
        page["questionCount"] = quiz.questionsPerAttempt
        page["passMark"] = quiz.settings.passMark
        if let seconds = quiz.settings.timeLimitSeconds { page["timeLimitMinutes"] = max(1, seconds / 60) }
        if let allowed = quiz.settings.attemptsAllowed { page["attemptsAllowed"] = allowed }
        page["isPractice"] = context.session?.session.identity == nil
        page["startUrl"] = Self.quizPath(quiz, courseID: course.id)
        return try pages.render("quiz-intro", page, context)
    }

    func start(_ request: Request, _ context: KioskRequestContext, courseID: String, quizKey: String) async throws
        -> Response
    {
        _ = try await pages.postedForm(request, context)
        let (course, quiz) = try quiz(courseID: courseID, quizKey: quizKey)
        guard let handle = context.session else { throw WebInputError(.csrf) }
        if let identity = handle.session.identity {
            let view = try await learning.startAttempt(identity, courseID: course.id, quizID: quiz.id)
            return Pages.redirect(Self.continuePath(view))
        }
        let attempt = try learning.startPractice(courseID: course.id, quizID: quiz.id)
        await pages.sessions.update(token: handle.token) { session in
            // A visitor keeps a few practice attempts at most: memory is the kiosk's, not theirs.
            if session.practice.count >= 4 { session.practice.removeAll() }
            session.practice[attempt.id] = KioskSession.Practice(courseID: course.id, attempt: attempt)
        }
        return Pages.redirect(Self.questionPath(attempt.id, 1))
    }

    func questionPage(_ context: KioskRequestContext, attemptID: String, number: Int) async throws -> Response {
        let (view, owner) = try await load(attemptID, context)
        guard view.isOpen else { return Pages.redirect(Self.resultPath(attemptID)) }
        guard let question = view.questions.first(where: { $0.number == number }) else {
            throw LearningError(.attemptNotFound, attemptID)
        }
        var page = pages.base("Câu \(number) – \(view.quizTitle)", context)
        page.merge(attemptContext(view, owner)) { _, new in new }
        page.merge(questionContext(question)) { _, new in new }
        page["total"] = view.questions.count
        page["formUrl"] = Self.questionPath(attemptID, number)
        page["isFirst"] = number == 1
        page["isLast"] = number == view.questions.count
        return try pages.render("question", page, context)
    }

    func saveAnswer(_ request: Request, _ context: KioskRequestContext, attemptID: String, number: Int)
        async throws -> Response
    {
        let form = try await pages.postedForm(request, context)
        let (view, owner) = try await load(attemptID, context)
        guard view.isOpen else { return Pages.redirect(Self.resultPath(attemptID)) }
        guard let question = view.questions.first(where: { $0.number == number }) else {
            throw LearningError(.attemptNotFound, attemptID)
        }
        var after = view
        let hadFeedback = question.feedback != nil
        if let response = Self.response(form.all("answer"), kind: question.kind) {
            after = try await answer(owner, attemptID: attemptID, questionID: question.id, response: response)
            if !after.isOpen { return Pages.redirect(Self.resultPath(attemptID)) }
        }
        // After-each-question feedback: the learner sees it on the same page before moving on.
        if !hadFeedback, after.questions.first(where: { $0.id == question.id })?.feedback != nil {
            return Pages.redirect(Self.questionPath(attemptID, number))
        }
        switch form["go"] {
        case "back": return Pages.redirect(Self.questionPath(attemptID, max(1, number - 1)))
        case "review": return Pages.redirect(Self.reviewPath(attemptID))
        default:
            return Pages.redirect(number >= view.questions.count ? Self.reviewPath(attemptID)
                                  : Self.questionPath(attemptID, number + 1))
        }
    }

    func reviewPage(_ context: KioskRequestContext, attemptID: String) async throws -> Response {
        let (view, owner) = try await load(attemptID, context)
        guard view.isOpen else { return Pages.redirect(Self.resultPath(attemptID)) }
        var page = pages.base("Xem lại bài làm – \(view.quizTitle)", context)
        page.merge(attemptContext(view, owner)) { _, new in new }
        let unanswered = view.questions.filter { $0.response == nil }.count
        page["questions"] = view.questions.map { question -> [String: Any] in
            ["number": question.number, "url": Self.questionPath(attemptID, question.number),
             "answered": question.response != nil, "answer": Self.answerText(question) ?? ""]
        }
        page["unanswered"] = unanswered
        page["hasUnanswered"] = unanswered > 0
        page["submissionId"] = SessionToken.make()
        page["submitUrl"] = "/bai-lam/\(PageContext.pathSegment(attemptID))/nop"
        page["lastQuestionUrl"] = Self.questionPath(attemptID, view.questions.count)
        return try pages.render("review", page, context)
    }

    func submit(_ request: Request, _ context: KioskRequestContext, attemptID: String) async throws -> Response {
        let form = try await pages.postedForm(request, context)
        let submissionID = try form.require("submissionId")
        let (_, owner) = try await load(attemptID, context)
        switch owner {
        case .learner(let identity):
            _ = try await learning.submit(identity, attemptID: attemptID, submissionID: submissionID)
        case .practice(let token, var practice):
            learning.submitPractice(&practice.attempt)
            let kept = practice
            await pages.sessions.update(token: token) { $0.practice[attemptID] = kept }
        }
        return Pages.redirect(Self.resultPath(attemptID))
    }

    func resultPage(_ context: KioskRequestContext, attemptID: String) async throws -> Response {
        let (view, owner) = try await load(attemptID, context)
        guard let result = view.result else { return Pages.redirect(Self.continuePath(view)) }
        var page = pages.base("Kết quả – \(view.quizTitle)", context)
        page.merge(attemptContext(view, owner)) { _, new in new }
        page["percent"] = result.percent
        page["passed"] = result.passed
        page["correctCount"] = result.correctCount
        page["questionCount"] = result.questionCount
        page["showsAnswers"] = result.showsAnswers
        if let completion = result.completion {
            page["completion"] = ["code": completion.verificationCode, "date": Pages.date(completion.completedAt),
                                  "certificateUrl": CertificatePageRoutes.certificatePath(completion.verificationCode)]
        }
        if result.showsAnswers {
            page["questions"] = view.questions.map { question -> [String: Any] in
                var item = questionContext(question)
                item["yourAnswer"] = Self.answerText(question) ?? "(chưa trả lời)"
                return item
            }
        }
        let course = try learning.course(id: view.courseID)
        if !result.passed {
            if let lesson = course.lessons.first(where: { $0.check?.id == view.quizID }) {
                page["reread"] = ["title": lesson.title, "url": PageContext.lessonPath(course.id, lesson.id)]
            }
        }
        if let quiz = course.quizzes.first(where: { $0.id == view.quizID }) {
            page["retryUrl"] = Self.quizPath(quiz, courseID: course.id)
        }
        return try pages.render("result", page, context)
    }

    // MARK: Contexts

    func attemptContext(_ view: AttemptView, _ owner: Owner) -> [String: Any] {
        var page: [String: Any] = [
            "attemptId": view.attemptID, "quizTitle": view.quizTitle, "courseUrl": PageContext.coursePath(view.courseID),
            "isPractice": owner.isPractice, "passMark": view.passMark, "reviewUrl": Self.reviewPath(view.attemptID),
        ]
        if let title = try? learning.course(id: view.courseID).title { page["courseTitle"] = title }
        if view.isOpen, let deadline = view.deadline {
            let left = deadline.timeIntervalSince(learning.clock.now())
            page["minutesLeft"] = max(1, Int((left / 60).rounded(.up)))
        }
        return page
    }

    /// A question as its page shows it: never the key; feedback only when the view carries it.
    func questionContext(_ question: LearnerQuestionView) -> [String: Any] {
        let picked: Set<String> = if case .choices(let ids) = question.response { ids } else { [] }
        let typed: String = switch question.response {
        case .text(let text), .number(let text): text
        default: ""
        }
        var page: [String: Any] = [
            "questionId": question.id, "number": question.number, "promptHTML": question.promptHTML,
            "kindLabel": services.messages.text("web.quiz.kind.\(question.kind.rawValue)"),
            "isChoice": !question.choices.isEmpty, "isText": question.kind == .shortText,
            "isNumber": question.kind == .number, "typed": typed,
            "choices": question.choices.map { choice -> [String: Any] in
                ["id": choice.id, "textHTML": choice.textHTML, "checked": picked.contains(choice.id),
                 "inputType": question.kind == .multipleChoice ? "checkbox" : "radio"]
            },
        ]
        if let feedback = question.feedback {
            var shown: [String: Any] = ["isCorrect": feedback.isCorrect]
            let right = question.choices.filter { feedback.rightChoiceIDs.contains($0.id) }.map(\.text)
            if let text = feedback.rightAnswerText { shown["rightAnswer"] = text }
            else if !right.isEmpty { shown["rightAnswer"] = right.joined(separator: "; ") }
            if let explanation = feedback.explanationHTML { shown["explanationHTML"] = explanation }
            shown["choiceFeedback"] = feedback.pickedChoiceFeedbackHTML
            page["feedback"] = shown
        }
        return page
    }

    /// The learner's answer in words (the texts of the picked choices, or what was typed).
    static func answerText(_ question: LearnerQuestionView) -> String? {
        switch question.response {
        case .choices(let ids):
            let texts = question.choices.filter { ids.contains($0.id) }.map(\.text)
            return texts.isEmpty ? nil : texts.joined(separator: "; ")
        case .text(let text), .number(let text): return text
        case nil: return nil
        }
    }

    /// The response a form gives for a question of `kind`, or nil when nothing was chosen or typed.
    static func response(_ values: [String], kind: QuestionKind) -> LearningCore.Response? {
        let given = values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !given.isEmpty else { return nil }
        switch kind {
        case .singleChoice, .trueFalse: return .choices([given[0]])
        case .multipleChoice: return .choices(Set(given))
        case .shortText: return .text(given[0])
        case .number: return .number(given[0])
        }
    }
}
