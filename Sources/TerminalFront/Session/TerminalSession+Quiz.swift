import CourseContent
import Foundation
import LearningCore

extension TerminalSession {
    /// Takes a quiz: a recorded attempt for a signed-in learner (resumed if one is open, wherever it was
    /// started), a practice attempt otherwise. Each answer is saved as it is given.
    func takeQuiz(_ quiz: Quiz, in course: Course) async throws {
        if let identity {
            try await takeRecordedQuiz(quiz, in: course, as: identity)
        } else {
            try await takePracticeQuiz(quiz, in: course)
        }
    }

    private func takeRecordedQuiz(_ quiz: Quiz, in course: Course, as identity: LearnerIdentity) async throws {
        guard var view = try await attempt({
            try await learning.startAttempt(identity, courseID: course.id, quizID: quiz.id)
        }) else { return }
        blank()
        say("terminal.quiz.title", [view.quizTitle], style: .heading)
        if view.isOpen {
            let answered = view.questions.filter { $0.response != nil }.count
            if answered > 0 {
                say("terminal.quiz.resumed", [String(answered), String(view.questions.count)], style: .bold)
            } else {
                introduce(quiz, questionCount: view.questions.count)
            }
        }
        // Left set when input ends mid-quiz, so the session says the answers are kept.
        inRecordedQuiz = true
        while view.isOpen, let question = view.firstUnanswered {
            let questionID = question.id
            let attemptID = view.attemptID
            guard let updated = try await ask(question, of: view.questions.count, save: { response in
                try await self.learning.answer(identity, attemptID: attemptID, questionID: questionID,
                                               response: response)
            }) else { continue }
            view = updated
            if view.isOpen, let feedback = view.questions.first(where: { $0.id == questionID })?.feedback {
                show(feedback, for: question)
            }
        }
        if view.isOpen {
            let attemptID = view.attemptID
            guard let submitted = try await attempt({
                try await learning.submit(identity, attemptID: attemptID, submissionID: UUID().uuidString)
            }) else {
                inRecordedQuiz = false
                return
            }
            view = submitted
        } else if view.result != nil, view.questions.contains(where: { $0.response == nil }) {
            say("terminal.quiz.time_up", style: .bad)
        }
        inRecordedQuiz = false
        try await showResult(view, quiz: quiz, in: course)
    }

    private func takePracticeQuiz(_ quiz: Quiz, in course: Course) async throws {
        guard var attempt = try await attempt({ try learning.startPractice(courseID: course.id, quizID: quiz.id) }),
              var view = try await self.attempt({ try await learning.view(ofPractice: attempt, courseID: course.id) })
        else { return }
        blank()
        say("terminal.quiz.title", [view.quizTitle], style: .heading)
        say("terminal.practice.quiz_banner")
        introduce(quiz, questionCount: view.questions.count)
        while let question = view.firstUnanswered {
            let questionID = question.id
            guard let updated = try await ask(question, of: view.questions.count, save: { response in
                try self.learning.answerPractice(&attempt, questionID: questionID, response: response)
                return try await self.learning.view(ofPractice: attempt, courseID: course.id)
            }) else { continue }
            view = updated
            if let feedback = view.questions.first(where: { $0.id == questionID })?.feedback, view.isOpen {
                show(feedback, for: question)
            }
        }
        learning.submitPractice(&attempt)
        guard let result = try await self.attempt({
            try await learning.view(ofPractice: attempt, courseID: course.id)
        }) else { return }
        try await showResult(result, quiz: quiz, in: course)
    }

    /// How many questions, the pass mark, the time limit and the attempts allowed.
    private func introduce(_ quiz: Quiz, questionCount: Int) {
        say("terminal.quiz.intro", [String(questionCount), String(quiz.settings.passMark)])
        if let seconds = quiz.settings.timeLimitSeconds {
            say("terminal.quiz.time_limit", [String(max(1, seconds / 60))])
        }
        if let allowed = quiz.settings.attemptsAllowed { say("terminal.quiz.attempts", [String(allowed)]) }
        say("terminal.quiz.saved_as_you_go", style: .dim)
    }

    /// Shows a question and asks until the answer is one; `save` stores it and returns the attempt as it now
    /// stands (nil when the use case refused it, which has been said: the question is asked again).
    private func ask(_ question: LearnerQuestionView, of total: Int,
                     save: (Response) async throws -> AttemptView) async throws -> AttemptView? {
        blank()
        let kind = text("terminal.quiz.kind.\(question.kind.rawValue)")
        say("terminal.quiz.question", [String(question.number), String(total), kind], style: .bold)
        write(question.promptText)
        for (index, choice) in question.choices.enumerated() {
            item("\(index + 1).", choice.text, indent: 2)
        }
        while true {
            let typed = try ask(text("terminal.quiz.prompt.\(question.kind.rawValue)"))
            switch AnswerParser.parse(typed, for: question) {
            case .failure(let problem):
                say(problem.key, problem.arguments, style: .bad)
            case .success(let response):
                if let view = try await attempt({ try await save(response) }) { return view }
                if !(try confirm(text("terminal.quiz.retry"))) { throw EndOfInput() }
            }
        }
    }

    /// Right or not, the right answer and the explanation (when the quiz's rule allows).
    private func show(_ feedback: QuestionFeedback, for question: LearnerQuestionView) {
        if feedback.isCorrect {
            say("terminal.quiz.right", style: .good, indent: 2)
        } else {
            say("terminal.quiz.wrong", style: .bad, indent: 2)
            if let answer = rightAnswer(feedback, for: question) {
                say("terminal.quiz.right_answer", [answer], indent: 2)
            }
        }
        if let explanation = feedback.explanationText, !explanation.isEmpty {
            write(explanation, style: .dim, indent: 4)
        }
    }

    private func rightAnswer(_ feedback: QuestionFeedback, for question: LearnerQuestionView) -> String? {
        if let text = feedback.rightAnswerText { return text }
        let right = question.choices.enumerated().filter { feedback.rightChoiceIDs.contains($0.element.id) }
        guard !right.isEmpty else { return nil }
        return right.map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "; ")
    }

    /// The score, pass or fail, each question's feedback when allowed, the completion, and what to re-read.
    private func showResult(_ view: AttemptView, quiz: Quiz, in course: Course) async throws {
        guard let result = view.result else { return }
        blank()
        say("terminal.quiz.score", [String(result.correctCount), String(result.questionCount), String(result.percent)],
            style: .bold)
        if result.passed {
            say("terminal.quiz.passed", [String(view.passMark)], style: [.good, .bold])
        } else {
            say("terminal.quiz.failed", [String(view.passMark)], style: [.bad, .bold])
        }
        // After each question the feedback was given as the learner went; not again.
        if result.showsAnswers, view.feedbackTiming != .afterEachQuestion {
            for question in view.questions {
                guard let feedback = question.feedback else { continue }
                blank()
                say("terminal.quiz.review", [String(question.number)], style: .bold)
                write(question.promptText, indent: 2)
                show(feedback, for: question)
            }
        } else if view.feedbackTiming == .whenClosed {
            say("terminal.quiz.answers_later")
        }
        if let completion = result.completion {
            congratulate(course, completion)
        } else if !result.passed {
            blank()
            try await suggestRereading(view, quiz: quiz, in: course)
        }
    }

    /// What to re-read after a failed attempt: the lesson of a lesson check; for a final quiz the lessons not
    /// read yet, or all of them.
    private func suggestRereading(_ view: AttemptView, quiz: Quiz, in course: Course) async throws {
        if let lesson = course.lessons.first(where: { $0.check?.id == quiz.id }) {
            say("terminal.quiz.reread_lesson", [lesson.title])
            return
        }
        let read = try await lessonsRead(course)
        let unread = course.lessons.filter { !read.contains($0.id) }
        if identity != nil, !unread.isEmpty {
            say("terminal.quiz.reread_unread")
            for lesson in unread { item("•", "\(lesson.number). \(lesson.title)", indent: 2) }
        } else {
            say("terminal.quiz.reread_all")
        }
    }
}
