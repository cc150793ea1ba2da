import Crypto
import Foundation
import LearningCore

/// The content hash of a question: what it asks and what it accepts, so an edit is visible in old attempts.
/// Explanations and feedback are left out: rewording them does not change what was asked.
enum ContentHash {
    static func of(promptText: String, answerKey: AnswerKey) -> String {
        var parts = [answerKey.kind.rawValue, promptText]
        switch answerKey {
        case .singleChoice(let choices), .multipleChoice(let choices, _), .trueFalse(let choices):
            parts += choices.map { "\($0.isCorrect ? "x" : " ") \($0.text)" }
            if case .multipleChoice(_, let partial) = answerKey {
                // What `String(describing:)` printed for the optional when hashes were first stored, spelled out:
                // that call looks the type up at run time, on every question of every load.
                parts.append("partial=" + (partial.map { $0 ? "Optional(true)" : "Optional(false)" } ?? "nil"))
            }
        case .shortText(let key):
            parts += key.accepted + ["ignore-diacritics=\(key.ignoresDiacritics)"]
        case .number(let key):
            parts += ["\(key.value)", "±\(key.tolerance)"]
        }
        var joined = parts.joined(separator: "\u{1F}")
        let digest = joined.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        let hex = Array("0123456789abcdef".utf8)
        return String(decoding: digest.prefix(8).flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
