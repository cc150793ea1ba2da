import Foundation
import HTTPTypes
import Hummingbird
import LearningCore

/// The JSON API under `/api/v1` (camelCase names; errors as `application/problem+json` through
/// `ErrorMiddleware`), for kiosk apps and the city's systems. A learner is named by the bearer token that
/// `POST /api/v1/session` (or registering) returns; the API never reads the pages' cookie, so another site's
/// page cannot act for a kiosk's visitor. The paths are listed in `docs/openapi.json`, which a test holds to
/// the router.
struct APIRoutes: Sendable {
    let services: KioskServices
    let sessions: SessionStore
    let configuration: WebConfiguration
    let lookups: LookupRateLimiter
    let openAPIDocument: ByteBuffer?

    var learning: LearningService { services.learning }

    func register(on router: Router<KioskRequestContext>) {
        let api = router.group("api/v1")
        api.get("version") { _, _ in
            VersionJSON(name: "Học tập số", version: configuration.version, apiVersion: "v1")
        }
        api.get("openapi.json") { _, _ in
            guard let document = openAPIDocument else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: ResponseBody(byteBuffer: document))
        }
        api.get("units") { _, _ in UnitListJSON(try await services.signIn.activeUnits()) }
        api.get("courses") { request, context in
            let identity = try optionalIdentity(request, context)
            return CourseListJSON(courses: try await learning.courses(for: identity).map(CourseSummaryJSON.init))
        }
        api.get("courses/{courseId}") { _, context in
            CourseDetailJSON(try learning.course(id: try context.parameters.require("courseId")))
        }
        api.get("courses/{courseId}/lessons/{lessonId}") { request, context in
            let view = try await learning.openLesson(try optionalIdentity(request, context),
                                                     courseID: try context.parameters.require("courseId"),
                                                     lessonID: try context.parameters.require("lessonId"))
            return LessonJSON(view)
        }
        api.post("courses/{courseId}/lessons/{lessonId}/completion") { request, context in
            let identity = try identity(request, context)
            let courseID = try context.parameters.require("courseId")
            let lessonID = try context.parameters.require("lessonId")
            let completion = try await learning.finishLesson(identity, courseID: courseID, lessonID: lessonID)
            return LessonCompletionJSON(courseId: courseID, lessonId: lessonID,
                                        completion: completion.map(CompletionJSON.init))
        }
        api.post("learners") { request, context in try await registerLearner(request, context) }
        api.post("session") { request, context in
            let body = try await JSONBody.read(SessionRequestJSON.self, from: request)
            let identity = try await services.signIn.signIn(
                unitID: body.unitId, name: TextNormalizer.nfc(body.name), pin: body.pin,
                clientKey: context.clientAddress)
            return EditedResponse(status: .created, response: await openSession(identity))
        }
        api.delete("session") { request, context in
            guard request.headers[.authorization] != nil, let handle = context.session else {
                throw WebInputError(.signInRequired)
            }
            await sessions.end(token: handle.token)
            return Response(status: .noContent)
        }
        api.post("attempts") { request, context in
            let identity = try identity(request, context)
            let body = try await JSONBody.read(AttemptRequestJSON.self, from: request)
            return AttemptJSON(try await learning.startAttempt(identity, courseID: body.courseId, quizID: body.quizId))
        }
        api.get("attempts/{attemptId}") { request, context in
            AttemptJSON(try await learning.attempt(try identity(request, context),
                                                   attemptID: try context.parameters.require("attemptId")))
        }
        api.put("attempts/{attemptId}/answers/{questionId}") { request, context in
            try await answer(request, context)
        }
        api.post("attempts/{attemptId}/submission") { request, context in
            let identity = try identity(request, context)
            let body = try await JSONBody.read(SubmissionRequestJSON.self, from: request)
            guard !body.submissionId.isEmpty, body.submissionId.count <= 100 else {
                throw WebInputError(.malformed, "submissionId")
            }
            let view = try await learning.submit(identity, attemptID: try context.parameters.require("attemptId"),
                                                 submissionID: body.submissionId)
            guard let submission = SubmissionJSON(view) else { throw QuizAttemptError.alreadySubmitted }
            return submission
        }
        api.get("me/progress") { request, context in try await progress(try identity(request, context)) }
        api.get("certificates/{code}") { _, context in
            if let wait = await lookups.admit(context.clientAddress) {
                throw WebInputError(.tooManyLookups, retryAfterSeconds: wait)
            }
            return CertificateJSON(try await learning.lookUpCertificate(code: try context.parameters.require("code")))
        }
    }

    /// The learner of the request's bearer token.
    func identity(_ request: Request, _ context: KioskRequestContext) throws -> LearnerIdentity {
        guard request.headers[.authorization] != nil, let identity = context.session?.session.identity else {
            throw WebInputError(.signInRequired)
        }
        return identity
    }

    /// The learner of the request's bearer token, or nil when it sends none. A token that names no session (the
    /// server restarted, or it sat idle too long) is refused with 401, not taken as no token: a kiosk would
    /// otherwise read on unaware that its visits are no longer recorded.
    func optionalIdentity(_ request: Request, _ context: KioskRequestContext) throws -> LearnerIdentity? {
        guard request.headers[.authorization] != nil else { return nil }
        return try identity(request, context)
    }

    func openSession(_ identity: LearnerIdentity) async -> SessionJSON {
        let handle = await sessions.open(identity: identity)
        return SessionJSON(token: handle.token, idleTimeoutSeconds: Int(configuration.idleTimeout),
                           learner: .init(name: identity.displayName, unitId: identity.unitID))
    }

    func registerLearner(_ request: Request, _ context: KioskRequestContext) async throws -> EditedResponse<SessionJSON> {
        let body = try await JSONBody.read(RegistrationJSON.self, from: request)
        guard let category = LearnerCategory(rawValue: body.category) else {
            throw WebInputError(.malformed, "category")
        }
        let phone = body.phone?.trimmingCharacters(in: .whitespaces)
        let new = NewLearner(displayName: TextNormalizer.nfc(body.name), unitID: body.unitId, category: category,
                             phone: phone?.isEmpty == false ? phone : nil, pin: body.pin)
        let consent = ConsentChoices(learning: body.consent.learning, reporting: body.consent.reporting ?? false,
                                     noticeVersion: configuration.privacyNoticeVersion)
        let identity = try await services.signIn.register(new, consent: consent)
        return EditedResponse(status: .created, response: await openSession(identity))
    }

    func answer(_ request: Request, _ context: KioskRequestContext) async throws -> AttemptJSON {
        let identity = try identity(request, context)
        let attemptID = try context.parameters.require("attemptId")
        // Question ids hold a `/` (`khoa/q1`): clients send it percent-encoded as one path segment.
        let rawQuestionID = try context.parameters.require("questionId")
        let questionID = rawQuestionID.removingPercentEncoding ?? rawQuestionID
        let body = try await JSONBody.read(AnswerRequestJSON.self, from: request)
        let current = try await learning.attempt(identity, attemptID: attemptID)
        guard current.isOpen else { throw QuizAttemptError.alreadySubmitted }
        guard let question = current.questions.first(where: { $0.id == questionID }) else {
            throw QuizAttemptError.unknownQuestion(questionID)
        }
        guard let response = body.response.response(kind: question.kind, choices: question.choices) else {
            throw QuizAttemptError.wrongResponseKind(questionID)
        }
        return AttemptJSON(try await learning.answer(identity, attemptID: attemptID, questionID: questionID,
                                                     response: response))
    }

    func progress(_ identity: LearnerIdentity) async throws -> ProgressJSON {
        let courses = try await learning.courses(for: identity).map { standing -> ProgressJSON.CourseJSON in
            var course = ProgressJSON.CourseJSON(id: standing.courseID, title: standing.title, state: "notStarted",
                                                 lessonsTotal: standing.lessonCount)
            switch standing.state {
            case .notStarted: break
            case .inProgress(let done, _):
                course.state = "inProgress"
                course.lessonsCompleted = done
            case .finalQuizPassed(let percent):
                course.state = "finalQuizPassed"
                course.percent = percent
            case .completed(let completion):
                course.state = "completed"
                course.percent = completion.percent
                course.verificationCode = completion.verificationCode
            }
            return course
        }
        return ProgressJSON(learner: .init(name: identity.displayName, unitId: identity.unitID), courses: courses,
                            completions: try await learning.certificates(identity).map(CompletionJSON.init))
    }
}
