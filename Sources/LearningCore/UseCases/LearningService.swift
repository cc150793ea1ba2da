import Foundation

/// The learning use cases both fronts call, written once against the repository and the catalogue: the
/// learner's catalogue, lessons, quiz attempts addressed by id, and certificates. Every rule a front needs lives
/// here, so the kiosk and the terminal obey it alike. Time and randomness are injected.
public struct LearningService: Sendable {
    public let repository: any ProgressRepository
    public let catalog: any CourseCatalog
    public let clock: any WallClock
    public let random: any RandomSource

    public init(repository: any ProgressRepository, catalog: any CourseCatalog, clock: any WallClock,
                random: any RandomSource = SystemRandomSource()) {
        self.repository = repository
        self.catalog = catalog
        self.clock = clock
        self.random = random
    }

    // MARK: Courses

    /// The course with that id, or `unknownCourse`.
    public func course(id: String) throws(LearningError) -> Course {
        guard let course = catalog.course(id: id) else { throw LearningError(.unknownCourse, id) }
        return course
    }

    /// Every course with where the learner stands in it (all "not started" when practising).
    public func courses(for identity: LearnerIdentity?) async throws -> [CourseStanding] {
        if let identity { try await requireActive(identity) }
        var standings: [CourseStanding] = []
        for course in catalog.courses {
            var state = CourseStanding.State.notStarted
            if let identity {
                let progress = try await repository.courseProgress(learnerID: identity.learnerID, courseID: course.id)
                state = Self.state(of: progress, in: course)
            }
            standings.append(CourseStanding(
                courseID: course.id, title: course.title, summary: course.summary,
                estimatedMinutes: course.estimatedMinutes, lessonCount: course.lessons.count, state: state))
        }
        return standings
    }

    /// The learner's standing in one course, lesson by lesson (which were visited and read to the end).
    public func progress(_ identity: LearnerIdentity, courseID: String) async throws -> CourseProgress {
        let course = try course(id: courseID)
        try await requireActive(identity)
        return try await repository.courseProgress(learnerID: identity.learnerID, courseID: course.id)
    }

    /// The learner's attempts still open, at any quiz of the catalogue: where a learner coming back continues
    /// (after an idle sign-out, or in the other front). An attempt whose time ran out is submitted on the way
    /// and left out.
    public func openAttempts(_ identity: LearnerIdentity) async throws -> [AttemptView] {
        try await requireActive(identity)
        var open: [AttemptView] = []
        for draft in try await repository.openAttempts(learnerID: identity.learnerID) {
            // An attempt at a quiz no longer in the catalogue cannot be shown; it stays stored.
            guard let (course, quiz) = try? quiz(courseID: draft.courseID, quizID: draft.quizID) else { continue }
            let view = try await view(ofOpen: draft, course: course, quiz: quiz)
            if view.isOpen { open.append(view) }
        }
        return open
    }

    static func state(of progress: CourseProgress, in course: Course) -> CourseStanding.State {
        if let completion = progress.completion { return .completed(completion) }
        if progress.passedFinalQuiz, let percent = progress.bestPercent { return .finalQuizPassed(percent: percent) }
        let known = Set(course.lessons.map(\.id))
        let read = progress.lessonsCompleted.intersection(known).count
        if read == 0, progress.lessonsVisited.isEmpty, progress.finalAttempts == 0 { return .notStarted }
        return .inProgress(lessonsCompleted: read, lessonsTotal: course.lessons.count)
    }

    // MARK: Lessons

    /// Opens a lesson of a course, recording the visit for a signed-in learner who consented to keep progress.
    public func openLesson(_ identity: LearnerIdentity?, courseID: String, lessonID: String) async throws -> LessonView {
        let course = try course(id: courseID)
        guard let index = course.lessons.firstIndex(where: { $0.id == lessonID }) else {
            throw LearningError(.unknownLesson, lessonID)
        }
        var recorded = false
        var wasCompleted = false
        if let identity, try await mayRecord(identity) {
            try await repository.recordLessonVisit(learnerID: identity.learnerID, courseID: course.id,
                                                   lessonID: lessonID, at: clock.now())
            let progress = try await repository.courseProgress(learnerID: identity.learnerID, courseID: course.id)
            wasCompleted = progress.lessonsCompleted.contains(lessonID)
            recorded = true
        }
        return LessonView(
            course: course, lesson: course.lessons[index],
            previousLessonID: index > 0 ? course.lessons[index - 1].id : nil,
            nextLessonID: index + 1 < course.lessons.count ? course.lessons[index + 1].id : nil,
            wasCompleted: wasCompleted, isRecorded: recorded)
    }

    /// Records that a lesson was read to the end; returns the course completion when this completed the course.
    /// Without learning consent nothing is stored.
    @discardableResult
    public func finishLesson(_ identity: LearnerIdentity, courseID: String, lessonID: String) async throws
        -> CourseCompletion?
    {
        let course = try course(id: courseID)
        guard course.lessons.contains(where: { $0.id == lessonID }) else { throw LearningError(.unknownLesson, lessonID) }
        guard try await mayRecord(identity) else { return nil }
        return try await repository.recordLessonCompletion(
            learnerID: identity.learnerID, courseID: course.id, lessonID: lessonID, at: clock.now(),
            completing: CompletionRequirement(course))
    }

    // MARK: Quiz attempts

    /// Starts an attempt, or returns the learner's open one at the same quiz (one open attempt per learner and
    /// quiz). The seed, the start and the deadline are stored now, so a refresh resumes the same questions and
    /// the same clock.
    public func startAttempt(_ identity: LearnerIdentity, courseID: String, quizID: String) async throws
        -> AttemptView
    {
        let (course, quiz) = try quiz(courseID: courseID, quizID: quizID)
        // `mayRecord` also refuses a learner deleted since signing in.
        guard try await mayRecord(identity) else { throw LearningError(.learningConsentRequired) }
        if let open = try await repository.openAttempt(learnerID: identity.learnerID, quizID: quiz.id) {
            return try await view(ofOpen: open, course: course, quiz: quiz)
        }
        let now = clock.now()
        let previous = try await repository.attemptCount(learnerID: identity.learnerID, quizID: quiz.id)
        let attempt = try QuizAttempt.start(quiz: quiz, id: random.makeID(), seed: random.next(), at: now,
                                            previousAttempts: previous)
        let draft = AttemptDraft(
            attemptID: attempt.id, learnerID: identity.learnerID, courseID: course.id, quizID: quiz.id,
            seed: attempt.seed, startedAt: now, deadline: attempt.deadline)
        let stored = try await repository.openAttempt(draft, attemptsAllowed: quiz.settings.attemptsAllowed)
        return try await view(ofOpen: stored, course: course, quiz: quiz)
    }

    /// The learner's attempt, open or submitted. An open attempt past its time limit is submitted now, with
    /// the answers given, and its result returned.
    public func attempt(_ identity: LearnerIdentity, attemptID: String) async throws -> AttemptView {
        try await requireActive(identity)
        if let draft = try await repository.draft(attemptID: attemptID, learnerID: identity.learnerID) {
            let (course, quiz) = try quiz(courseID: draft.courseID, quizID: draft.quizID)
            return try await view(ofOpen: draft, course: course, quiz: quiz)
        }
        guard let record = try await repository.attempt(id: attemptID), record.learnerID == identity.learnerID else {
            throw LearningError(.attemptNotFound, attemptID)
        }
        let recorded = try await repository.recordAttempt(record, submissionID: nil, completing: nil)
        return try await view(ofSubmitted: recorded)
    }

    /// Saves one answer of the learner's open attempt and returns the attempt as it now stands (with feedback
    /// on that question when the quiz gives it after each question). Past the time limit the attempt is
    /// submitted with the answers it had, and the result returned.
    public func answer(_ identity: LearnerIdentity, attemptID: String, questionID: String, response: Response)
        async throws -> AttemptView
    {
        try await requireActive(identity)
        guard let draft = try await repository.draft(attemptID: attemptID, learnerID: identity.learnerID) else {
            if let record = try await repository.attempt(id: attemptID), record.learnerID == identity.learnerID {
                throw QuizAttemptError.alreadySubmitted
            }
            throw LearningError(.attemptNotFound, attemptID)
        }
        let (course, quiz) = try quiz(courseID: draft.courseID, quizID: draft.quizID)
        if let expired = try await submitIfExpired(draft, course: course, quiz: quiz) { return expired }
        var attempt = try QuizAttempt.resume(quiz: quiz, id: draft.attemptID, seed: draft.seed,
                                             startedAt: draft.startedAt, drafts: draft.responses)
        let normalized = Self.normalized(response)
        _ = try attempt.answer(normalized, to: questionID, at: clock.now())
        try await repository.saveDraftAnswer(attemptID: attemptID, learnerID: identity.learnerID,
                                             questionID: questionID, response: normalized, at: clock.now())
        var updated = draft
        updated.responses[questionID] = normalized
        return try await view(ofOpen: updated, course: course, quiz: quiz)
    }

    /// Grades and stores the attempt, with the completion it earns, in one transaction. The same submission id
    /// (or the same attempt submitted again) returns the first result, counted once.
    public func submit(_ identity: LearnerIdentity, attemptID: String, submissionID: String) async throws
        -> AttemptView
    {
        try await requireActive(identity)
        if let draft = try await repository.draft(attemptID: attemptID, learnerID: identity.learnerID) {
            let (course, quiz) = try quiz(courseID: draft.courseID, quizID: draft.quizID)
            let submittedAt = min(clock.now(), draft.deadline ?? .distantFuture)
            return try await grade(draft, course: course, quiz: quiz, at: submittedAt, submissionID: submissionID)
        }
        guard let record = try await repository.attempt(id: attemptID), record.learnerID == identity.learnerID else {
            throw LearningError(.attemptNotFound, attemptID)
        }
        let recorded = try await repository.recordAttempt(record, submissionID: submissionID, completing: nil)
        return try await view(ofSubmitted: recorded)
    }

    /// Submits every open attempt whose time ran out, with the answers given (a sweep the server runs now and
    /// then, so results reach reports even if the learner never comes back). Returns how many it submitted.
    @discardableResult
    public func sweepExpiredAttempts(limit: Int = 500) async throws -> Int {
        var submitted = 0
        for draft in try await repository.expiredDrafts(at: clock.now(), limit: limit) {
            guard let (course, quiz) = try? quiz(courseID: draft.courseID, quizID: draft.quizID) else { continue }
            _ = try await grade(draft, course: course, quiz: quiz, at: draft.deadline ?? clock.now(),
                                submissionID: nil)
            submitted += 1
        }
        return submitted
    }

    // MARK: Practice (nothing stored)

    /// A practice attempt at any quiz, without signing in: held by the front, never stored.
    public func startPractice(courseID: String, quizID: String) throws -> QuizAttempt {
        let (_, quiz) = try quiz(courseID: courseID, quizID: quizID)
        return try QuizAttempt.start(quiz: quiz, id: random.makeID(), seed: random.next(), at: clock.now())
    }

    /// Applies an answer to a practice attempt.
    public func answerPractice(_ attempt: inout QuizAttempt, questionID: String, response: Response) throws {
        _ = try attempt.answer(Self.normalized(response), to: questionID, at: clock.now())
    }

    /// Submits a practice attempt; nothing is stored.
    public func submitPractice(_ attempt: inout QuizAttempt) {
        _ = attempt.submit(at: clock.now())
    }

    /// What a practising learner may see of their attempt, under the same feedback rule as a recorded one.
    public func view(ofPractice attempt: QuizAttempt, courseID: String) async throws -> AttemptView {
        let course = try course(id: courseID)
        let closed = try await isClosed(attempt.quiz)
        return Self.view(of: attempt, course: course, deadline: attempt.deadline, quizClosed: closed,
                         completion: nil)
    }

    // MARK: Certificates

    /// The learner's completions, with their verification codes.
    public func certificates(_ identity: LearnerIdentity) async throws -> [CourseCompletion] {
        try await requireActive(identity)
        return try await repository.completions(learnerID: identity.learnerID)
    }

    /// A public check of a certificate's code: name, course and date only. Fronts limit how often it is asked.
    public func lookUpCertificate(code: String) async throws -> PublicCertificate {
        guard let cleaned = Self.cleanedCertificateCode(code),
              let completion = try await repository.completion(verificationCode: cleaned)
        else { throw LearningError(.certificateNotFound, TextNormalizer.trimmed(code)) }
        let learner = try await repository.learner(id: completion.learnerID)
        return PublicCertificate(
            learnerName: learner?.displayName, courseTitle: catalog.course(id: completion.courseID)?.title
                ?? completion.courseID,
            completedAt: completion.completedAt, verificationCode: completion.verificationCode)
    }

    // MARK: Rules

    /// Refuses a learner whose data was deleted (or who no longer exists) since signing in.
    func requireActive(_ identity: LearnerIdentity) async throws {
        guard let learner = try await repository.learner(id: identity.learnerID), learner.anonymisedAt == nil else {
            throw LearningError(.learnerDeleted)
        }
    }

    /// Whether progress may be stored: the learner's latest word on the learning purpose was consent.
    func mayRecord(_ identity: LearnerIdentity) async throws -> Bool {
        try await requireActive(identity)
        let events = try await repository.consents(learnerID: identity.learnerID)
        return events.last { $0.purpose == .learning }?.given ?? false
    }

    private func quiz(courseID: String, quizID: String) throws(LearningError) -> (Course, Quiz) {
        let course = try course(id: courseID)
        guard let quiz = course.quizzes.first(where: { $0.id == quizID }) else {
            throw LearningError(.unknownQuiz, quizID)
        }
        return (course, quiz)
    }

    private func isClosed(_ quiz: Quiz) async throws -> Bool {
        guard quiz.settings.feedback == .whenClosed else { return false }
        return try await repository.closedQuizIDs().contains(quiz.id)
    }

    /// The view of an open attempt, submitting it first when its time has run out.
    private func view(ofOpen draft: AttemptDraft, course: Course, quiz: Quiz) async throws -> AttemptView {
        if let expired = try await submitIfExpired(draft, course: course, quiz: quiz) { return expired }
        let attempt = try QuizAttempt.resume(quiz: quiz, id: draft.attemptID, seed: draft.seed,
                                             startedAt: draft.startedAt, drafts: draft.responses)
        return Self.view(of: attempt, course: course, deadline: draft.deadline,
                         quizClosed: try await isClosed(quiz), completion: nil)
    }

    private func submitIfExpired(_ draft: AttemptDraft, course: Course, quiz: Quiz) async throws -> AttemptView? {
        guard let deadline = draft.deadline, clock.now() > deadline else { return nil }
        return try await grade(draft, course: course, quiz: quiz, at: deadline, submissionID: nil)
    }

    private func grade(_ draft: AttemptDraft, course: Course, quiz: Quiz, at submittedAt: Date,
                       submissionID: String?) async throws -> AttemptView {
        var attempt = try QuizAttempt.resume(quiz: quiz, id: draft.attemptID, seed: draft.seed,
                                             startedAt: draft.startedAt, drafts: draft.responses)
        _ = attempt.submit(at: submittedAt)
        guard let record = AttemptRecord(attempt, learnerID: draft.learnerID, course: course) else {
            throw QuizAttemptError.emptyQuiz
        }
        let recorded = try await repository.recordAttempt(
            record, submissionID: submissionID, completing: CompletionRequirement(course))
        return try await view(ofSubmitted: recorded)
    }

    /// The view of a stored attempt. The stored grade is the truth (the course may have changed since); the
    /// seed gives back the choice order shown; a question edited away since is left out.
    private func view(ofSubmitted recorded: RecordedAttempt) async throws -> AttemptView {
        let record = recorded.record
        let (course, quiz) = try quiz(courseID: record.courseID, quizID: record.quizID)
        let shown = try QuizAttempt.resume(quiz: quiz, id: record.attemptID, seed: record.seed,
                                           startedAt: record.startedAt, drafts: [:])
        let showsAnswers = FeedbackRule.showsAnswersAfterSubmission(quiz.settings.feedback,
                                                                    quizClosed: try await isClosed(quiz))
        let questions = record.result.questions.enumerated().compactMap { index, result -> LearnerQuestionView? in
            guard let question = quiz.question(id: result.questionID) else { return nil }
            return LearnerQuestionView.make(
                question, number: index + 1, choiceOrder: shown.choiceOrder[question.id], response: result.response,
                credit: result.credit, showFeedback: showsAnswers, partialCreditDefault: quiz.settings.partialCredit)
        }
        return AttemptView(
            attemptID: record.attemptID, courseID: course.id, quizID: quiz.id, quizTitle: quiz.title,
            isFinalQuiz: course.finalQuiz?.id == quiz.id, feedbackTiming: quiz.settings.feedback,
            passMark: quiz.settings.passMark, startedAt: record.startedAt, deadline: shown.deadline,
            questions: questions,
            result: AttemptResultView(
                percent: record.result.percent, passed: record.result.passed,
                correctCount: record.result.correctCount, questionCount: record.result.possible,
                submittedAt: record.submittedAt, completion: recorded.completion, showsAnswers: showsAnswers))
    }

    /// What the learner may see of an attempt: answers and explanations only as the feedback rule allows.
    static func view(of attempt: QuizAttempt, course: Course, deadline: Date?, quizClosed: Bool,
                     completion: CourseCompletion?) -> AttemptView {
        let quiz = attempt.quiz
        let submitted = attempt.result != nil
        let showsAll = submitted && FeedbackRule.showsAnswersAfterSubmission(quiz.settings.feedback,
                                                                               quizClosed: quizClosed)
        let questions = attempt.questions.enumerated().map { index, question in
            let response = attempt.responses[question.id]
            let show = showsAll || (quiz.settings.feedback == .afterEachQuestion && response != nil)
            return LearnerQuestionView.make(
                question, number: index + 1, choiceOrder: attempt.choiceOrder[question.id], response: response,
                credit: attempt.result?.questions.first { $0.questionID == question.id }?.credit,
                showFeedback: show, partialCreditDefault: quiz.settings.partialCredit)
        }
        let result = attempt.result.map { graded in
            AttemptResultView(
                percent: graded.percent, passed: graded.passed, correctCount: graded.correctCount,
                questionCount: graded.possible, submittedAt: attempt.submittedAt ?? attempt.startedAt,
                completion: completion, showsAnswers: showsAll)
        }
        return AttemptView(
            attemptID: attempt.id, courseID: course.id, quizID: quiz.id, quizTitle: quiz.title,
            isFinalQuiz: course.finalQuiz?.id == quiz.id, feedbackTiming: quiz.settings.feedback,
            passMark: quiz.settings.passMark, startedAt: attempt.startedAt, deadline: deadline,
            questions: questions, result: result)
    }

    /// Text typed on another keyboard arrives in NFD: answers are stored and graded in NFC.
    static func normalized(_ response: Response) -> Response {
        switch response {
        case .choices(let ids): .choices(Set(ids.map(TextNormalizer.nfc)))
        case .text(let text): .text(TextNormalizer.nfc(text))
        case .number(let text): .number(TextNormalizer.nfc(text))
        }
    }
}
