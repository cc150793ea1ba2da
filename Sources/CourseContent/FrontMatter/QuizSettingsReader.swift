import Foundation
import LearningCore

/// Reads a quiz's rules from front matter keys, shared by `quiz.md` and a lesson's `check:` mapping.
enum QuizSettingsReader {
    static let keys: Set<String> = [
        "pass_mark", "shuffle_questions", "shuffle_choices", "draw", "time_limit_minutes", "attempts",
        "feedback", "partial_credit",
    ]

    /// The settings, starting from `defaults` and overriding what the front matter says.
    static func read(_ frontMatter: inout FrontMatter, defaults: QuizSettings) -> QuizSettings {
        var settings = defaults
        if let passMark = frontMatter.int("pass_mark", in: 1...100, rangeCode: .passMarkRange) {
            settings.passMark = passMark
        }
        if let shuffle = frontMatter.bool("shuffle_questions") { settings.shuffleQuestions = shuffle }
        if let shuffle = frontMatter.bool("shuffle_choices") { settings.shuffleChoices = shuffle }
        if let draw = frontMatter.int("draw", in: 1...1000) { settings.drawCount = draw }
        if let minutes = frontMatter.int("time_limit_minutes", in: 1...600) { settings.timeLimitSeconds = minutes * 60 }
        if let attempts = frontMatter.int("attempts", in: 1...100) { settings.attemptsAllowed = attempts }
        if let partial = frontMatter.bool("partial_credit") { settings.partialCredit = partial }
        if let feedback = frontMatter.string("feedback") {
            if let timing = FeedbackTiming(rawValue: feedback) {
                settings.feedback = timing
            } else {
                frontMatter.report(.invalidValue, at: "feedback",
                                   ["feedback", FeedbackTiming.allCases.map(\.rawValue).joined(separator: " | ")])
            }
        }
        return settings
    }
}
