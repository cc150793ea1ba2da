/// A quiz as the staff area lists it for closing and reopening.
public struct QuizClosureState: Sendable, Hashable {
    public var quizID: String
    public var quizTitle: String
    public var courseID: String
    public var courseTitle: String
    /// When learners see the right answers; `whenClosed` quizzes show them only once closed.
    public var feedback: FeedbackTiming
    public var closed: Bool
}

extension LearningService {
    /// Every quiz of the catalogue with whether staff closed it; commune staff and admins only (they are the
    /// ones who may close or reopen one).
    public func quizClosures(for staff: StaffIdentity) async throws -> [QuizClosureState] {
        guard staff.role != .unitClerk else { throw LearningError(.forbidden) }
        let closed = try await repository.closedQuizIDs()
        return catalog.courses.flatMap { course in
            let quizzes = course.lessons.compactMap(\.check) + (course.finalQuiz.map { [$0] } ?? [])
            return quizzes.map { quiz in
                QuizClosureState(quizID: quiz.id, quizTitle: quiz.title, courseID: course.id, courseTitle: course.title,
                                 feedback: quiz.settings.feedback, closed: closed.contains(quiz.id))
            }
        }
    }

    /// The completions of each of `learnerIDs`, for a staff member's list of learners; a learner outside the
    /// staff member's units is refused with `forbidden`.
    public func completions(for staff: StaffIdentity, learnerIDs: [Int64]) async throws -> [Int64: [CourseCompletion]] {
        var result: [Int64: [CourseCompletion]] = [:]
        for id in learnerIDs {
            guard let learner = try await repository.learner(id: id) else { continue }
            guard staff.covers(unitID: learner.unitID) else { throw LearningError(.forbidden, String(id)) }
            result[id] = try await repository.completions(learnerID: id)
        }
        return result
    }
}
