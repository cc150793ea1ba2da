import CourseContent
import Foundation
import LearningCore

/// A learner's data as `learners show` prints it and `learners export` writes it.
struct LearnerDataExport {
    let data: PersonalData

    /// The learner's data, asked through the staff use case as the console operator (so it is logged).
    static func make(learnerID: Int64, staff: StaffService, forExport: Bool) async throws -> LearnerDataExport {
        LearnerDataExport(data: try await staff.personalData(.console, learnerID: learnerID, forExport: forExport))
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(data), as: UTF8.self)
    }

    func text(_ messages: MessageCatalog) -> String {
        let dates = ISO8601DateFormatter()
        var lines = [
            messages.text("learner.id", [String(data.id)]),
            messages.text("learner.name", [data.displayName ?? messages.text("learner.erased")]),
            messages.text("learner.unit", [data.unitId]),
            messages.text("learner.category", [messages.text("categories.\(data.category)")]),
            messages.text("learner.phone", [data.phone ?? "—"]),
            messages.text("learner.pin", [messages.text(data.hasPIN ? "learner.pin_set" : "learner.pin_unset")]),
            messages.text("learner.created", [dates.string(from: data.createdAt)]),
        ]
        if let anonymisedAt = data.anonymisedAt {
            lines.append(messages.text("learner.anonymised", [dates.string(from: anonymisedAt)]))
        }
        for consent in data.consents {
            lines.append(messages.text(consent.given ? "learner.consent_given" : "learner.consent_withdrawn",
                                       [consent.purpose, consent.noticeVersion, dates.string(from: consent.at)]))
        }
        lines.append(messages.text("learner.activity", [
            String(data.lessons.count), String(data.attempts.count), String(data.completions.count),
        ]))
        for completion in data.completions {
            lines.append(messages.text("learner.completion", [
                completion.courseId, dates.string(from: completion.completedAt), completion.verificationCode,
            ]))
        }
        return lines.joined(separator: "\n")
    }
}
