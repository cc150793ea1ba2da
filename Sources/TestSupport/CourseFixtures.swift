public import Foundation
public import LearningCore

/// A small course for use-case and contract tests: two lessons (the first required, with a check), and a final
/// quiz of five single-choice questions (choice `a` right), 80% to pass, 2 attempts, 10 minutes.
public enum CourseFixtures {
    /// Settings of the final quiz; tests vary the feedback timing.
    public static func finalQuiz(feedback: FeedbackTiming = .afterSubmission, attempts: Int? = 2) -> Quiz {
        Quiz(id: "khoa/quiz", title: "Bài kiểm tra cuối khoá",
             settings: QuizSettings(passMark: 80, shuffleChoices: true, timeLimitSeconds: 600,
                                    attemptsAllowed: attempts, feedback: feedback),
             questions: (0..<5).map { index in
                 var question = QuestionBuilder.single("khoa/q\(index)", choices: ["Đúng \(index)", "Sai \(index)"],
                                                       right: 0)
                 question.explanationHTML = "<p>Giải thích bí mật \(index)</p>"
                 question.explanationText = "Giải thích bí mật \(index)"
                 return question
             })
    }

    /// The lesson check of lesson 01: one question, feedback after each question.
    public static let lessonCheck = Quiz(
        id: "khoa/01-mot", title: "Kiểm tra bài 1",
        settings: QuizSettings(passMark: 100, feedback: .afterEachQuestion),
        questions: [QuestionBuilder.trueFalse("khoa/01-mot/1", isTrue: true)])

    public static func course(feedback: FeedbackTiming = .afterSubmission, attempts: Int? = 2) -> Course {
        Course(
            id: "khoa", title: "Khoá học thử", summary: "Tóm tắt", audience: [.citizens], contents: [.digitalLearning],
            competences: [], level: .basic, estimatedMinutes: 30, passMark: 80, version: 3, language: "vi",
            introductionHTML: "", introductionMarkdown: "",
            lessons: [
                Lesson(id: "01-mot", number: 1, title: "Bài một", estimatedMinutes: 5, isRequired: true,
                       bodyHTML: "<p>Một</p>", bodyMarkdown: "Một", check: lessonCheck),
                Lesson(id: "02-hai", number: 2, title: "Bài hai", estimatedMinutes: 5, isRequired: false,
                       bodyHTML: "<p>Hai</p>", bodyMarkdown: "Hai", check: nil),
            ],
            finalQuiz: finalQuiz(feedback: feedback, attempts: attempts))
    }

    public static func catalog(feedback: FeedbackTiming = .afterSubmission, attempts: Int? = 2) -> InMemoryCourseCatalog {
        InMemoryCourseCatalog(courses: [course(feedback: feedback, attempts: attempts)])
    }

    public static let units = [
        CommuneUnit(id: "thon-1", name: "Thôn Đông", kind: .village),
        CommuneUnit(id: "thon-2", name: "Thôn Tây", kind: .village),
    ]

    /// A campaign over the fixture units and the fixture course: citizens reach the basic level with `khoa`.
    public static let campaign = CampaignConfiguration(
        name: "Phong trào thi đua thử", period: "2025–2030", plan: "Kế hoạch thử", issuer: "Ủy ban nhân dân xã Thử",
        place: "Thử", units: units, basicLevel: [.citizens: ["khoa"]], yearlyDeadline: (12, 10),
        timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current, midTermReviewYear: 2027,
        finalReviewYear: 2030, startYear: 2025, privacyNoticeVersion: "2026-01",
        targets: CampaignTargets(population: ["thon-1": [.citizens: 10], "thon-2": [.citizens: 10]],
                                 percentByYear: [2026: [.citizens: 50]]),
        awards: AwardCriteria(individualMinimumCourses: 1, individualMinimumAverage: 80, unitMinimumPercent: 50,
                              unitContent: .digitalLearning),
        report: ReportSettings(symbol: "BC-UBND", sentTo: "Ủy ban nhân dân thành phố", recipients: ["Lưu: VT."],
                               authority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signer: "Nguyễn Văn Thử"))

    /// The consent a kiosk registration gives by default in tests.
    public static let consent = ConsentChoices(learning: true, reporting: false, noticeVersion: "2026-01")

    /// The right response to a fixture question: the choice that reads "Đúng …".
    public static func rightResponse(_ question: LearnerQuestionView) -> Response {
        .choices(Set(question.choices.filter { $0.text.hasPrefix("Đúng") }.map(\.id)))
    }

    /// A wrong response to a fixture question.
    public static func wrongResponse(_ question: LearnerQuestionView) -> Response {
        .choices(Set(question.choices.filter { $0.text.hasPrefix("Sai") }.map(\.id)))
    }
}
