import Foundation
import LearningCore
import ProgressStore

/// Fills a database with a plausible year of a commune's learning, through the real use cases (real courses,
/// real grading): learners in every unit and category, lessons read, quizzes taken, courses completed, consent
/// given by most. Deterministic for a given seed.
struct DemoSeeder {
    let store: AppDatabase
    let catalog: any CourseCatalog
    let campaign: CampaignConfiguration
    let learnerCount: Int
    let year: Int
    var random: SplitMix64

    /// The clock the use cases read: moved to each event's time.
    final class DemoClock: WallClock, @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date()
        func now() -> Date { lock.withLock { current } }
        func set(_ date: Date) { lock.withLock { current = date } }
    }

    /// Totals of what was written.
    struct Summary {
        var learners = 0
        var lessonsFinished = 0
        var attempts = 0
        var completions = 0
    }

    /// Runs the simulation up to `end`; `progress` hears how many of the planned learners are done, after each.
    mutating func run(until end: Date, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws
        -> Summary
    {
        let clock = DemoClock()
        let service = LearningService(repository: store, catalog: catalog, clock: clock,
                                      random: SeededRandomSource(seed: random.next()))
        let period = campaign.period(year: year)
        let last = min(end, period.end.addingTimeInterval(-60))
        let span = max(last.timeIntervalSince(period.start), 3600)
        var summary = Summary()
        let people = plannedLearners()
        for (index, person) in people.enumerated() {
            progress(index, people.count)
            // Registration spread over the first half of the period; activity after it.
            let registeredAt = period.start.addingTimeInterval(Double.random(in: 0..<span * 0.5, using: &random))
            let learner = try await store.register(
                NewLearner(displayName: DemoNames.name(index, using: &random), unitID: person.unitID,
                           category: person.category), at: registeredAt)
            summary.learners += 1
            try await store.recordConsent(ConsentEvent(
                learnerID: learner.id, purpose: .learning, noticeVersion: campaign.privacyNoticeVersion,
                given: true, at: registeredAt))
            let identity = LearnerIdentity(learnerID: learner.id, unitID: learner.unitID,
                                           displayName: learner.displayName ?? "")
            if Double.random(in: 0..<1, using: &random) < 0.8 {
                try await store.recordConsent(ConsentEvent(
                    learnerID: learner.id, purpose: .reporting, noticeVersion: campaign.privacyNoticeVersion,
                    given: true, at: registeredAt))
            }
            // Officials do required courses; citizens come to the kiosk when they can.
            let isStaff = person.category != .citizens && person.category != .business
            guard Double.random(in: 0..<1, using: &random) < (isStaff ? 0.9 : 0.6) else { continue }
            let skill = Double.random(in: isStaff ? 0.7...0.99 : 0.55...0.98, using: &random)
            let perseverance = isStaff ? 0.98 : 0.92
            let wanted = (campaign.basicLevel[person.category] ?? []).compactMap(catalog.course(id:))
            var moment = registeredAt
            for course in wanted where Double.random(in: 0..<1, using: &random) < (isStaff ? 0.95 : 0.85) {
                for lesson in course.lessons {
                    moment = advance(moment, until: last)
                    clock.set(moment)
                    _ = try await service.openLesson(identity, courseID: course.id, lessonID: lesson.id)
                    guard Double.random(in: 0..<1, using: &random) < perseverance else { break }
                    moment = moment.addingTimeInterval(Double(lesson.estimatedMinutes * 60))
                    clock.set(moment)
                    // A lesson's check is taken at the lesson's end, as the kiosk offers it.
                    if let check = lesson.check {
                        try await take(check, of: course, as: identity, skill: skill, from: &moment,
                                       until: last, clock: clock, service: service, summary: &summary)
                    }
                    try await service.finishLesson(identity, courseID: course.id, lessonID: lesson.id)
                    summary.lessonsFinished += 1
                }
                guard let quiz = course.finalQuiz else { continue }
                moment = advance(moment, until: last)
                try await take(quiz, of: course, as: identity, skill: skill, from: &moment, until: last,
                               clock: clock, service: service, summary: &summary)
            }
        }
        progress(people.count, people.count)
        return summary
    }

    /// Takes a quiz (a lesson's check or the final quiz) until it is passed or no attempt is left, each
    /// attempt a few minutes long, the next one days later (never past `last`).
    private mutating func take(
        _ quiz: Quiz, of course: Course, as identity: LearnerIdentity, skill: Double, from moment: inout Date,
        until last: Date, clock: DemoClock, service: LearningService, summary: inout Summary
    ) async throws {
        for number in 0..<(quiz.settings.attemptsAllowed ?? 2) {
            if number > 0 { moment = advance(moment, until: last) }
            clock.set(moment)
            let attempt = try await service.startAttempt(identity, courseID: course.id, quizID: quiz.id)
            for shown in attempt.questions {
                guard let question = quiz.question(id: shown.id) else { continue }
                _ = try await service.answer(identity, attemptID: attempt.attemptID, questionID: question.id,
                                             response: answer(question, skill: skill))
            }
            moment = moment.addingTimeInterval(Double.random(in: 120...900, using: &random))
            clock.set(moment)
            let submitted = try await service.submit(identity, attemptID: attempt.attemptID,
                                                     submissionID: attempt.attemptID)
            summary.attempts += 1
            if submitted.result?.completion != nil { summary.completions += 1 }
            if submitted.result?.passed == true { return }
        }
    }

    /// Who learns: each unit's officials and workers from its target population, then citizens and business
    /// people shared out among the thôn and organisations up to `learnerCount`.
    private mutating func plannedLearners() -> [(unitID: String, category: LearnerCategory)] {
        var people: [(String, LearnerCategory)] = []
        for unit in campaign.units where unit.retiredAt == nil {
            for category in [LearnerCategory.officials, .partyMembers, .workers] {
                let population = campaign.targets.population[unit.id]?[category] ?? 0
                people += Array(repeating: (unit.id, category), count: min(population, 60))
            }
        }
        let open = campaign.units.filter { unit in
            unit.retiredAt == nil && (campaign.targets.population[unit.id]?[.citizens] ?? 0) > 0
        }
        let business = campaign.units.filter { (campaign.targets.population[$0.id]?[.business] ?? 0) > 0 }
        while people.count < learnerCount, !open.isEmpty {
            if !business.isEmpty, Int.random(in: 0..<10, using: &random) == 0 {
                people.append((business.randomElement(using: &random)!.id, .business))
            } else {
                people.append((open.randomElement(using: &random)!.id, .citizens))
            }
        }
        return Array(people.prefix(learnerCount))
    }

    /// A few days to a few weeks later, never past `end`.
    private mutating func advance(_ date: Date, until end: Date) -> Date {
        min(date.addingTimeInterval(Double.random(in: 3600...(14 * 86_400), using: &random)), end)
    }

    /// The right answer with the chance `DemoItemModel` gives a learner of `skill` on this question; otherwise a
    /// wrong one, the more attractive distractors more often.
    private mutating func answer(_ question: Question, skill: Double) -> Response {
        let right = Double.random(in: 0..<1, using: &random)
            < DemoItemModel.probabilityRight(skill: skill, questionID: question.id)
        switch question.answerKey {
        case .singleChoice(let choices), .trueFalse(let choices):
            guard !right, let wrong = pickWrong(choices, question: question) else {
                return .choices([(choices.first(where: \.isCorrect) ?? choices[0]).id])
            }
            return .choices([wrong.id])
        case .multipleChoice(let choices, _):
            var picked = Set(choices.filter(\.isCorrect).map(\.id))
            if !right {
                // A partly wrong answer: a distractor taken, or a right choice missed.
                if Bool.random(using: &random), let wrong = pickWrong(choices, question: question) {
                    picked.insert(wrong.id)
                } else if picked.count > 1, let missed = picked.randomElement(using: &random) {
                    picked.remove(missed)
                } else if let wrong = pickWrong(choices, question: question) {
                    picked.insert(wrong.id)
                }
            }
            return .choices(picked)
        case .shortText(let key):
            return .text(right ? key.accepted[0] : "không biết")
        case .number(let key):
            return .number(right ? "\(key.value)" : "\(key.value + 1)")
        }
    }

    /// A wrong choice, drawn in proportion to how attractive each is.
    private mutating func pickWrong(_ choices: [Choice], question: Question) -> Choice? {
        let wrong = choices.filter { !$0.isCorrect }
        let weights = wrong.map { DemoItemModel.attraction(questionID: question.id, choiceID: $0.id) }
        var draw = Double.random(in: 0..<max(weights.reduce(0, +), .leastNonzeroMagnitude), using: &random)
        for (choice, weight) in zip(wrong, weights) {
            draw -= weight
            if draw < 0 { return choice }
        }
        return wrong.last
    }
}
