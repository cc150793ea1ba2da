import Foundation
import LearningCore
import ProgressStore

/// Five learners' first attempts at a three-question final quiz in 2026, hand-counted (x: the question's score,
/// r: the rest of the attempt, i.e. its score minus x; Σ over the five learners):
///
/// | learner | q1 (single) | q2 (multiple, partial) | q3 (text)        | total |
/// | ------- | ----------- | ---------------------- | ---------------- | ----- |
/// | L1      | a → 1       | {c} → 0                | "mật khẩu" → 1   | 2     |
/// | L2      | a → 1       | {a,b} → 1              | "abc" → 0        | 2     |
/// | L3      | a → 1       | {a} → ½                | "abc" → 0        | 1.5   |
/// | L4      | b → 0       | {a,b} → 1              | "xyz" → 0        | 1     |
/// | L5      | c → 0       | {b} → ½                | unanswered → 0   | 0.5   |
///
/// - q1: x = 1,1,1,0,0; r = 1,1,½,1,½. Σx = 3, Σx² = 3, Σr = 4, Σr² = 3.5, Σxr = 2.5. Sxx = 3 − 9/5 = 1.2,
///   Srr = 3.5 − 16/5 = 0.3, Sxr = 2.5 − 12/5 = 0.1. Facility 3/5 = 60.0%; SD √(1.2/4) = 54.8%;
///   discrimination 0.1/√(1.2·0.3) = 0.1/0.6 = 16.7%; sorted pairs (0,½)(0,½)(1,1)(1,1)(1,1) give Σ = 3, so the
///   largest Sxr is 3 − 2.4 = 0.6 and the efficiency 0.1/0.6 = 16.7%. No flag.
/// - q2: x = 0,1,½,1,½; r = 2,1,1,0,0. Σx = 3, Σx² = 2.5, Σr = 4, Σr² = 6, Σxr = 1.5. Sxx = 0.7, Srr = 2.8,
///   Sxr = 1.5 − 2.4 = −0.9. Facility 60.0%; SD √(0.7/4) = 41.8%; discrimination −0.9/√1.96 = −0.9/1.4 = −64.3%;
///   sorted pairs (0,0)(½,0)(½,1)(1,1)(1,2) give 3.5, largest Sxr 1.1, efficiency −0.9/1.1 = −81.8%.
///   Flag: negative discrimination.
/// - q3: x = 1,0,0,0,0; r = 1,2,1½,1,½. Σx = 1, Σx² = 1, Σr = 6, Σr² = 8.5, Σxr = 1. Sxx = 0.8, Srr = 1.3,
///   Sxr = 1 − 1.2 = −0.2. Facility 20.0%; SD √0.2 = 44.7%; discrimination −0.2/√1.04 = −19.6%; sorted pairs give
///   2, largest Sxr 0.8, efficiency −25.0%. Flags: too hard, negative discrimination. One unanswered.
///
/// Choices: q1 a 3, b 1, c 0 + 1 (c); q2 a 3, b 3, c 1; q3 typed "abc" 2, "mật khẩu" 1, "xyz" 1.
///
/// Left out, as the analysis must leave them: L1's second attempt (all right), L2's attempt of 2025 (outside the
/// period), and L3's attempt at the lesson check (another quiz).
enum ItemAnalysisFixture {
    static let courseID = "khoa-phan-tich"
    static let quizID = "khoa-phan-tich/quiz"
    static let period = ReportingPeriod(start: ReportFixture.local(2026, 1, 1, 0), end: ReportFixture.local(2027, 1, 1, 0))

    static func choice(_ id: String, _ right: Bool) -> Choice {
        Choice(id: id, textHTML: "Phương án \(id)", text: "Phương án \(id)", isCorrect: right)
    }

    static let quiz = Quiz(
        id: quizID, title: "Bài kiểm tra cuối khoá", settings: QuizSettings(passMark: 60, partialCredit: true),
        questions: [
            Question(id: "q1", contentHash: "h1", promptHTML: "", promptText: "Câu hỏi một chọn một?",
                     answerKey: .singleChoice([choice("a", true), choice("b", false), choice("c", false)])),
            Question(id: "q2", contentHash: "h2", promptHTML: "", promptText: "Câu hỏi hai chọn nhiều?",
                     answerKey: .multipleChoice([choice("a", true), choice("b", true), choice("c", false)],
                                                partialCredit: true)),
            Question(id: "q3", contentHash: "h3", promptHTML: "",
                     promptText: "=HYPERLINK(\"http://x\") <b>câu ba</b> gõ câu trả lời",
                     answerKey: .shortText(TextAnswerKey(accepted: ["mật khẩu"]))),
        ])

    static let check = Quiz(id: "khoa-phan-tich/01-bai-mot", title: "Kiểm tra bài một",
                            settings: QuizSettings(passMark: 60), questions: [
                                Question(id: "k1", contentHash: "hk", promptHTML: "", promptText: "Câu kiểm tra?",
                                         answerKey: .trueFalse([choice("dung", true), choice("sai", false)])),
                            ])

    static let course = Course(
        id: courseID, title: "Khoá phân tích", summary: "", audience: [.citizens], contents: [], competences: [],
        level: .basic, estimatedMinutes: 30, passMark: 60, version: 1, language: "vi", introductionHTML: "",
        introductionMarkdown: "",
        lessons: [Lesson(id: "01-bai-mot", number: 1, title: "Bài một", estimatedMinutes: 5, isRequired: true,
                         bodyHTML: "", bodyMarkdown: "", check: check)],
        finalQuiz: quiz)

    static let catalog = InMemoryCourseCatalog(courses: [course, ReportFixture.course("khong-kiem-tra", [2])])

    /// One answer: its response and credit.
    typealias Answer = (response: Response?, credit: Credit)

    static let half = Credit(1, over: 2)

    /// The fixture's store: the table above, and the attempts the analysis must leave out.
    static func store(at path: String) async throws -> AppDatabase {
        let store = try AppDatabase(path: path, hashing: .fastForTests)
        try await store.saveUnits([CommuneUnit(id: "thon-a", name: "Thôn A", kind: .village)])
        var learners: [Int64] = []
        for name in ["Lê Văn Một", "Lê Văn Hai", "Lê Văn Ba", "Lê Văn Bốn", "Lê Văn Năm"] {
            learners.append(try await store.register(
                NewLearner(displayName: name, unitID: "thon-a", category: .citizens),
                at: ReportFixture.local(2025, 3, 1)).id)
        }
        let rows: [[Answer]] = [
            [(.choices(["a"]), .full), (.choices(["c"]), .zero), (.text("mật khẩu"), .full)],
            [(.choices(["a"]), .full), (.choices(["a", "b"]), .full), (.text("abc"), .zero)],
            [(.choices(["a"]), .full), (.choices(["a"]), half), (.text("abc"), .zero)],
            [(.choices(["b"]), .zero), (.choices(["a", "b"]), .full), (.text("xyz"), .zero)],
            [(.choices(["c"]), .zero), (.choices(["b"]), half), (nil, .zero)],
        ]
        for (index, answers) in rows.enumerated() {
            try await attempt(store, learners[index], answers, at: ReportFixture.local(2026, 3, 1 + index))
        }
        let allRight: [Answer] = [(.choices(["a"]), .full), (.choices(["a", "b"]), .full), (.text("mật khẩu"), .full)]
        try await attempt(store, learners[0], allRight, at: ReportFixture.local(2026, 4, 1))
        try await attempt(store, learners[1], allRight, at: ReportFixture.local(2025, 12, 31))
        try await attempt(store, learners[2], [(.choices(["dung"]), .full)], quiz: check, at: ReportFixture.local(2026, 3, 9))
        return store
    }

    private static func attempt(_ store: AppDatabase, _ learner: Int64, _ answers: [Answer], quiz: Quiz = quiz,
                                at: Date) async throws {
        let results = zip(quiz.questions, answers).map { question, answer in
            QuestionResult(questionID: question.id, contentHash: question.contentHash, response: answer.response,
                           credit: answer.credit)
        }
        _ = try await store.recordAttempt(AttemptRecord(
            attemptID: UUID().uuidString, learnerID: learner, courseID: courseID, courseVersion: 1, quizID: quiz.id,
            isFinalQuiz: quiz.id == quizID, seed: 1, startedAt: at.addingTimeInterval(-600), submittedAt: at,
            result: QuizResult(questions: results, passMark: 60)))
    }
}
