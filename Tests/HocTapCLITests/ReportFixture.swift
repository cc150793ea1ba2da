import CampaignReports
import Foundation
import LearningCore
import ProgressStore
import TestSupport

/// A small commune with hand-counted figures (see each expectation in ReportPipelineTests):
/// - thôn A: An (2025: completes c1 100%, c2 80%), Bình (2026: c1 100%, c2 80% at 23:59 on 10 Dec, consents),
///   Cúc (2026: c1 100%, c2 80%, no consent);
/// - thôn B: Dung (2026: c1 40% then 80%, c2 80%, consents), Phúc and Hạnh (registered, never active);
/// - phòng X: Giang (official, 2026: c1 100%; c3 100% at 00:01 on 11 Dec, so in 2027), Khoa (registered only).
final class ReportFixture {
    static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    let folder: URL
    let store: AppDatabase

    static let campaign = CampaignConfiguration(
        name: "Phong trào thi đua thử", period: "2025–2030", plan: "Kế hoạch thử", issuer: "Ủy ban nhân dân xã Thử",
        place: "Thử",
        units: [CommuneUnit(id: "thon-a", name: "Thôn A", kind: .village),
                CommuneUnit(id: "thon-b", name: "Thôn B", kind: .village),
                CommuneUnit(id: "phong-x", name: "Phòng X", kind: .department)],
        basicLevel: [.citizens: ["c1", "c2"], .officials: ["c1", "c3"]],
        yearlyDeadline: (12, 10), timeZone: vietnam, midTermReviewYear: 2027, finalReviewYear: 2030, startYear: 2025,
        privacyNoticeVersion: "2026-01",
        targets: CampaignTargets(
            population: ["thon-a": [.citizens: 10], "thon-b": [.citizens: 4], "phong-x": [.officials: 4]],
            percentByYear: [2025: [.citizens: 20], 2026: [.citizens: 50, .officials: 100]]),
        awards: AwardCriteria(individualMinimumCourses: 2, individualMinimumAverage: 90, unitMinimumPercent: 50,
                              unitContent: ContentArea(rawValue: 2)!),
        report: ReportSettings(symbol: "BC-UBND", sentTo: "Ủy ban nhân dân thành phố", recipients: ["Lưu: VT."],
                               authority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signer: "Nguyễn Văn Thử"))

    static let catalog = InMemoryCourseCatalog(courses: [
        course("c1", [2]), course("c2", [2, 7]), course("c3", [4]),
    ])

    static func course(_ id: String, _ contents: [Int]) -> Course {
        Course(id: id, title: "Khoá \(id)", summary: "", audience: [.citizens], contents: contents.compactMap(ContentArea.init),
               competences: [], level: .basic, estimatedMinutes: 30, passMark: 80, version: 1, language: "vi",
               introductionHTML: "", introductionMarkdown: "", lessons: [], finalQuiz: nil)
    }

    static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 9, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoctap-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try AppDatabase(path: folder.appendingPathComponent("r.sqlite").path, hashing: .fastForTests)
        try await store.saveUnits(Self.campaign.units)

        let early = Self.local(2025, 3, 1)
        let an = try await register("Nguyễn Văn An", "thon-a", .citizens, early)
        let binh = try await register("Trần Thị Bình", "thon-a", .citizens, early)
        let cuc = try await register("Lê Thị Cúc", "thon-a", .citizens, early)
        let dung = try await register("Phạm Văn Dung", "thon-b", .citizens, early)
        let giang = try await register("Hoàng Văn Giang", "phong-x", .officials, early)
        for (name, unit, category) in [("Vũ Văn Phúc", "thon-b", LearnerCategory.citizens),
                                       ("Đỗ Thị Hạnh", "thon-b", .citizens), ("Bùi Văn Khoa", "phong-x", .officials)] {
            _ = try await register(name, unit, category, Self.local(2026, 2, 1))
        }
        for learner in [binh, dung, giang] {
            try await store.recordConsent(ConsentEvent(learnerID: learner, purpose: .reporting, noticeVersion: "2026-01",
                                                       given: true, at: early))
        }
        // Cúc gave consent, then withdrew it: she is counted but not named.
        try await store.recordConsent(ConsentEvent(learnerID: cuc, purpose: .reporting, noticeVersion: "2026-01",
                                                   given: true, at: early))
        try await store.recordConsent(ConsentEvent(learnerID: cuc, purpose: .reporting, noticeVersion: "2026-01",
                                                   given: false, at: Self.local(2025, 4, 1)))

        try await store.recordLessonCompletion(learnerID: an, courseID: "c1", lessonID: "01", at: Self.local(2025, 5, 1), completing: nil)
        try await complete(an, "c1", 5, Self.local(2025, 6, 1))
        try await complete(an, "c2", 4, Self.local(2025, 11, 1))
        try await store.recordLessonCompletion(learnerID: binh, courseID: "c1", lessonID: "01", at: Self.local(2026, 2, 20), completing: nil)
        try await complete(binh, "c1", 5, Self.local(2026, 3, 1))
        try await complete(binh, "c2", 4, Self.local(2026, 12, 10, 23, 59))
        try await complete(cuc, "c1", 5, Self.local(2026, 4, 1))
        try await complete(cuc, "c2", 4, Self.local(2026, 5, 1))
        try await attempt(dung, "c1", 2, Self.local(2026, 6, 1))
        try await complete(dung, "c1", 4, Self.local(2026, 6, 15))
        try await complete(dung, "c2", 4, Self.local(2026, 7, 1))
        try await complete(giang, "c1", 5, Self.local(2026, 8, 1))
        try await complete(giang, "c3", 5, Self.local(2026, 12, 11, 0, 1))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    private func register(_ name: String, _ unit: String, _ category: LearnerCategory, _ at: Date) async throws -> Int64 {
        try await store.register(NewLearner(displayName: name, unitID: unit, category: category), at: at).id
    }

    /// A final-quiz attempt of `correct` right answers out of 5 (20% each).
    private func attempt(_ learner: Int64, _ course: String, _ correct: Int, _ at: Date) async throws {
        let questions = (0..<5).map {
            QuestionResult(questionID: "\(course)/q\($0)", contentHash: "h", response: .choices(["a"]),
                           credit: $0 < correct ? .full : .zero)
        }
        _ = try await store.recordAttempt(AttemptRecord(
            attemptID: UUID().uuidString, learnerID: learner, courseID: course, courseVersion: 1,
            quizID: "\(course)/quiz", isFinalQuiz: true, seed: 1, startedAt: at.addingTimeInterval(-600),
            submittedAt: at, result: QuizResult(questions: questions, passMark: 80)))
    }

    private func complete(_ learner: Int64, _ course: String, _ correct: Int, _ at: Date) async throws {
        try await attempt(learner, course, correct, at)
        _ = try await store.recordCompletion(learnerID: learner, courseID: course, courseVersion: 1,
                                             percent: correct * 20, at: at)
    }

    /// The report builder over this fixture, its clock on 1 December 2026 unless `now` says otherwise.
    func builder(unitID: String? = nil, now: Date = ReportFixture.local(2026, 12, 1),
                 catalog: InMemoryCourseCatalog = ReportFixture.catalog,
                 campaign: CampaignConfiguration = ReportFixture.campaign,
                 repository: (any ReportingRepository)? = nil) -> ReportBuilder {
        ReportBuilder(repository: repository ?? store, catalog: catalog, campaign: campaign,
                      clock: TestClock(start: now), unitID: unitID)
    }

    /// After the 2027 deadline: every review of the fixture's data may be made, and none is provisional.
    static let after2027 = local(2027, 12, 20)
}
