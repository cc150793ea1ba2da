import CourseContent
import Foundation
import LearningCore

extension TerminalSession {
    /// The course list, then a course, until the person signs out (0).
    func learn(as identity: LearnerIdentity?) async throws {
        self.identity = identity
        if identity == nil {
            blank()
            say("terminal.practice.banner", style: .bold)
        }
        while true {
            guard let standings = try await attempt({ try await learning.courses(for: identity) }) else { return }
            blank()
            say("terminal.courses.title", style: .heading)
            for (index, standing) in standings.enumerated() {
                item("\(index + 1).", standing.title, style: .bold, indent: 2)
                write(describe(standing.state), indent: 5)
            }
            let number = try choose(count: standings.count, allowZero: true,
                                    prompt: text(identity == nil ? "terminal.courses.prompt_practice"
                                                                 : "terminal.courses.prompt"))
            if number == 0 { return }
            try await course(standings[number - 1].courseID)
        }
    }

    /// Where the learner stands in a course, in words.
    func describe(_ state: CourseStanding.State) -> String {
        switch state {
        case .notStarted:
            text("terminal.state.not_started")
        case .inProgress(let read, let total):
            text("terminal.state.in_progress", [String(read), String(total)])
        case .finalQuizPassed(let percent):
            text("terminal.state.quiz_passed", [String(percent)])
        case .completed(let completion):
            text("terminal.state.completed", [completion.percent.map(String.init) ?? "—",
                                               date(completion.completedAt), completion.verificationCode])
        }
    }

    /// One course: its lessons with what was read, the final quiz, and Enter to go on where the learner left off.
    func course(_ courseID: String) async throws {
        guard let course = try await attempt({ try learning.course(id: courseID) }) else { return }
        blank()
        say("terminal.course.title", [course.title], style: .heading)
        if !course.summary.isEmpty { write(course.summary) }
        // The introduction until the learner has started: later it would only push the lessons off the screen.
        if !course.introductionMarkdown.isEmpty, try await lessonsRead(course).isEmpty {
            blank()
            for line in renderer.lines(course.introductionMarkdown) { output.write(line + "\n") }
        }
        while true {
            let progress = try await progress(in: course)
            let finished = progress?.lessonsCompleted ?? []
            let next = course.lessons.first { !finished.contains($0.id) }
            blank()
            say("terminal.course.lessons", style: .bold)
            for lesson in course.lessons {
                let mark = finished.contains(lesson.id) ? "✓" : " "
                let minutes = text("terminal.course.minutes", [String(lesson.estimatedMinutes)])
                item("\(mark) \(lesson.number).", "\(lesson.title) (\(minutes))", indent: 2)
            }
            if let quiz = course.finalQuiz {
                item("  K.", text("terminal.course.final_quiz", [quiz.title, String(quiz.questionsPerAttempt),
                                                                 String(quiz.settings.passMark)]), indent: 2)
            }
            blank()
            let suggestion = next.map { text("terminal.course.enter_next", [$0.title]) }
                ?? (course.finalQuiz != nil && progress?.passedFinalQuiz != true ? text("terminal.course.enter_quiz") : nil)
            if let suggestion { say("terminal.course.help_enter", [suggestion]) }
            say(course.finalQuiz != nil ? "terminal.course.help" : "terminal.course.help_no_quiz")
            let answer = TextNormalizer.comparisonKey(try ask(text("terminal.course.prompt")),
                                                      ignoringDiacritics: true)
            switch answer {
            case "0", "q":
                return
            case "":
                if let next {
                    try await read(next, in: course)
                } else if let quiz = course.finalQuiz, progress?.passedFinalQuiz != true {
                    try await takeQuiz(quiz, in: course)
                }
            case "k":
                if let quiz = course.finalQuiz { try await takeQuiz(quiz, in: course) }
                else { say("terminal.course.no_quiz", style: .bad) }
            default:
                if let number = Int(answer), let lesson = course.lessons.first(where: { $0.number == number })
                    ?? (course.lessons.indices.contains(number - 1) ? course.lessons[number - 1] : nil) {
                    try await read(lesson, in: course)
                } else {
                    say("terminal.course.invalid", [String(course.lessons.count)], style: .bad)
                }
            }
        }
    }

    /// The lessons the learner has read to the end (none when practising).
    func lessonsRead(_ course: Course) async throws -> Set<String> {
        try await progress(in: course)?.lessonsCompleted ?? []
    }

    /// The learner's progress in a course, lesson by lesson (nil when practising).
    func progress(in course: Course) async throws -> CourseProgress? {
        guard let identity else { return nil }
        return try await attempt { try await learning.progress(identity, courseID: course.id) }
    }

    /// Reads a lesson page by page; at its end marks it read and offers its check.
    func read(_ lesson: Lesson, in course: Course) async throws {
        guard let view = try await attempt({
            try await learning.openLesson(identity, courseID: course.id, lessonID: lesson.id)
        }) else { return }
        let lines = renderer.lines("# " + lesson.title + "\n\n" + lesson.bodyMarkdown)
        blank()
        guard try page(lines) else { return }
        blank()
        if let identity {
            if view.isRecorded {
                let completion = try await attempt {
                    try await learning.finishLesson(identity, courseID: course.id, lessonID: lesson.id)
                }
                say("terminal.lesson.finished", [lesson.title], style: .good)
                if let done = completion.flatMap({ $0 }) { congratulate(course, done) }
            } else {
                say("errors.learning-consent-required")
            }
        } else {
            say("terminal.lesson.finished_practice")
        }
        if let check = view.check {
            blank()
            if try confirm(text("terminal.lesson.offer_check", [String(check.questionsPerAttempt)])) {
                try await takeQuiz(check, in: course)
            }
        }
    }

    /// Shows `lines` a page at a time on a terminal (Space or Enter: next, `b`: back, `q`: back to the menu);
    /// over a pipe, whole. Returns whether the reader reached the end.
    func page(_ lines: [String]) throws -> Bool {
        guard let height = output.pageLines, lines.count > height else {
            for line in lines { output.write(line + "\n") }
            return true
        }
        let pages = stride(from: 0, to: lines.count, by: height).map { Array(lines[$0..<min($0 + height, lines.count)]) }
        var index = 0
        while true {
            for line in pages[index] { output.write(line + "\n") }
            var prompt = text(index + 1 < pages.count ? "terminal.lesson.page" : "terminal.lesson.page_last",
                              [String(index + 1), String(pages.count)])
            // One line, so it can be wiped when the key comes: a shorter one on a narrow terminal.
            if TerminalText.width(prompt) >= output.columns {
                prompt = text("terminal.lesson.page_short", [String(index + 1), String(pages.count)])
            }
            while TerminalText.width(prompt) >= output.columns, !prompt.isEmpty { prompt.removeLast() }
            output.write(TerminalStyle.dim.apply(prompt, enabled: output.stylesEnabled))
            guard let key = input.readKey() else { throw EndOfInput() }
            if input.isInteractive {
                output.write("\r" + String(repeating: " ", count: TerminalText.width(prompt)) + "\r")
            } else {
                output.write(key == "\n" || key == " " ? "\n" : " \(key)\n")
            }
            switch key {
            case "q", "Q":
                return false
            case "b", "B":
                index = max(0, index - 1)
            default:
                if index + 1 == pages.count { return true }
                index += 1
            }
        }
    }

    func congratulate(_ course: Course, _ completion: CourseCompletion) {
        blank()
        say("terminal.completed", [course.title, completion.verificationCode], style: [.good, .bold])
    }
}
