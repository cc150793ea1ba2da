import CampaignReports
import Hummingbird
import LearningCore

/// The HTTP status of each refusal a person can act on: an unknown id is 404, a refused sign-in 401, a role
/// that does not cover the request 403, a conflict with what is stored 409, input that breaks a rule 422, too
/// many PIN attempts 429. A kind not named here (one added to the store's errors later) is 422.
enum ErrorStatus {
    /// The status for `error`.
    static func status(for error: any UserFacingError) -> HTTPResponse.Status {
        switch error {
        case let error as LearningError: status(for: error.kind)
        case let error as ProgressError: status(for: error.kind)
        case let error as QuizAttemptError: status(for: error)
        case let error as WebInputError: error.status
        // A report refused (no courses, a year not started, a date the figures contradict …): the request cannot
        // be met as asked.
        case is ReportRefusal: .unprocessableContent
        case let error as ItemAnalysisRefusal: error.reason == .unknownCourse ? .notFound : .unprocessableContent
        default: .unprocessableContent
        }
    }

    static func status(for kind: LearningError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .unknownCourse, .unknownLesson, .unknownQuiz, .attemptNotFound, .certificateNotFound: .notFound
        case .signInFailed, .staffSignInFailed, .learnerDeleted: .unauthorized
        case .signInThrottled: .tooManyRequests
        case .forbidden, .learningConsentRequired: .forbidden
        case .pinInUse, .submissionConflict: .conflict
        case .unitRetired, .consentNotGiven, .weakPassword, .passwordTooLong, .invalidUsername, .unitRequired,
             .unitNotAllowed, .cannotDisableSelf: .unprocessableContent
        }
    }

    static func status(for kind: ProgressError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .unknownLearner, .unknownStaffAccount: .notFound
        case .attemptConflict, .duplicateUsername: .conflict
        case .newerSchema, .olderSchema, .missingDatabase: .serviceUnavailable
        // Every other kind is input that breaks a rule (unit, name, PIN, phone …), and kinds added later are too.
        default: .unprocessableContent
        }
    }

    static func status(for error: QuizAttemptError) -> HTTPResponse.Status {
        switch error {
        case .noAttemptsLeft, .alreadySubmitted: .conflict
        case .emptyQuiz, .unknownQuestion, .unknownChoice, .tooManyChoices, .wrongResponseKind: .unprocessableContent
        }
    }
}
