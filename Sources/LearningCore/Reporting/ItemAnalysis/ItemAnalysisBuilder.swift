import Foundation

/// Makes a course's item analysis: the store's sums per quiz, turned into statistics and joined with the
/// course's questions and choices.
public enum ItemAnalysisBuilder {
    /// How many characters of a question's or a choice's text the analysis keeps.
    public static let promptLength = 80

    /// The analysis of `courseID`'s quizzes over `period`.
    /// - Throws: `ItemAnalysisRefusal` when the catalog has no such course or the course has no quiz.
    public static func analyse(
        courseID: String, in catalog: any CourseCatalog, period: ReportingPeriod,
        repository: any ItemAnalysisRepository
    ) async throws -> CourseItemAnalysis {
        guard let course = catalog.course(id: courseID) else {
            throw ItemAnalysisRefusal(.unknownCourse, courseID: courseID)
        }
        // A lesson's check goes by the lesson's title: checks are often all called "Kiểm tra".
        let quizzes = (course.finalQuiz.map { [(quiz: $0, title: $0.title, isFinal: true)] } ?? [])
            + course.lessons.compactMap { lesson in lesson.check.map { (quiz: $0, title: lesson.title, isFinal: false) } }
        guard !quizzes.isEmpty else { throw ItemAnalysisRefusal(.noQuiz, courseID: courseID) }
        var analysed: [QuizItemAnalysis] = []
        for (quiz, title, isFinal) in quizzes {
            let counts = try await repository.itemCounts(quizID: quiz.id, period: period)
            var line = analysis(of: quiz, isFinal: isFinal, counts: counts)
            line.title = title
            analysed.append(line)
        }
        return CourseItemAnalysis(courseID: course.id, courseTitle: course.title, period: period, quizzes: analysed)
    }

    /// One quiz's lines: the pool's questions in order, then any the store has that the pool no longer does.
    static func analysis(of quiz: Quiz, isFinal: Bool, counts: QuizItemCounts) -> QuizItemAnalysis {
        guard counts.attempts > 0 else {
            return QuizItemAnalysis(quizID: quiz.id, title: quiz.title, isFinal: isFinal, attempts: 0, questions: [])
        }
        let sums = Dictionary(counts.items.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
        let answers = Dictionary(grouping: counts.answers, by: \.questionID)
        var lines = quiz.questions.map { question in
            QuestionItemAnalysis(
                questionID: question.id, prompt: shortened(question.promptText), kind: question.kind,
                statistics: ItemStatistics(sums[question.id] ?? empty(question.id)),
                answers: tallies(question, answers[question.id] ?? []))
        }
        let known = Set(quiz.questions.map(\.id))
        for item in counts.items.filter({ !known.contains($0.questionID) }).sorted(by: { $0.questionID < $1.questionID }) {
            let given = (answers[item.questionID] ?? []).sorted { ($1.count, $0.answer) < ($0.count, $1.answer) }
            lines.append(QuestionItemAnalysis(
                questionID: item.questionID, prompt: nil, kind: nil, statistics: ItemStatistics(item),
                answers: given.map { AnswerTally(answer: $0.answer, label: nil, isCorrect: nil, count: $0.count) }))
        }
        return QuizItemAnalysis(quizID: quiz.id, title: quiz.title, isFinal: isFinal, attempts: counts.attempts,
                                questions: lines)
    }

    /// Every choice of a choice question in the order written (zero when never picked), then any chosen id the
    /// question no longer has; the typed answers of a text or number question, most frequent first. Answers of
    /// the other kind (given before an author changed the question's kind) are left out.
    private static func tallies(_ question: Question, _ given: [AnswerCount]) -> [AnswerTally] {
        let choices = question.answerKey.choices
        let byAnswer = Dictionary(given.filter(\.isChoice).map { ($0.answer, $0.count) }, uniquingKeysWith: +)
        if choices.isEmpty {
            return given.filter { !$0.isChoice }.sorted { ($1.count, $0.answer) < ($0.count, $1.answer) }
                .map { AnswerTally(answer: $0.answer, label: nil, isCorrect: nil, count: $0.count) }
        }
        let offered = Set(choices.map(\.id))
        return choices.map {
            AnswerTally(answer: $0.id, label: shortened($0.text), isCorrect: $0.isCorrect, count: byAnswer[$0.id] ?? 0)
        } + given.filter { $0.isChoice && !offered.contains($0.answer) }.sorted { $0.answer < $1.answer }
            .map { AnswerTally(answer: $0.answer, label: nil, isCorrect: nil, count: $0.count) }
    }

    private static func empty(_ questionID: String) -> ItemSums {
        ItemSums(questionID: questionID, attempts: 0, unanswered: 0, sumScore: 0, sumScoreSquares: 0, sumRest: 0,
                 sumRestSquares: 0, sumProducts: 0, sumSortedProducts: 0)
    }

    /// `text` on one line, cut at `promptLength` characters with an ellipsis.
    static func shortened(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return line.count <= promptLength ? line : String(line.prefix(promptLength - 1)) + "…"
    }
}
