import Foundation
import LearningCore

/// Warnings for questions that can be answered without reading the course: per question (an absolute word in a
/// false statement, "all/none of the above", a multiple-choice question with fewer than two wrong choices, a
/// choice echoing its question) and per course (true/false statements mostly of one truth value, the right
/// choice mostly the longest, the right answer mostly in one place where choices are not shuffled). Thresholds
/// are `ItemWritingRules`.
enum ItemWritingCheck {
    /// Makes a diagnostic at the place a warning belongs.
    typealias Place = (DiagnosticCode, [String]) -> Diagnostic

    /// The warnings of one question, placed at its heading.
    static func question(_ question: Question, at place: Place) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let choices = question.answerKey.choices
        switch question.answerKey {
        case .trueFalse:
            if !isTrue(question), let word = firstPhrase(of: absoluteWords, in: syllables(question.promptText)) {
                warnings.append(place(.itemAbsoluteWord, [word]))
            }
        case .multipleChoice:
            let wrong = choices.filter { !$0.isCorrect }.count
            if wrong < 2 { warnings.append(place(.itemSingleWrongChoice, [String(wrong)])) }
        case .singleChoice, .shortText, .number:
            break
        }
        guard question.kind != .trueFalse else { return warnings }
        let stem = syllables(question.promptText)
        let words = choices.map { syllables($0.text) }
        for (index, choice) in choices.enumerated() {
            if firstPhrase(of: allOrNonePhrases, in: words[index]) != nil {
                warnings.append(place(.itemAllOrNone, [choice.text]))
            } else if let echo = sharedRun(words[index], stem), echo.count >= ItemWritingRules.echoSyllables,
                      // A phrase every choice repeats (the task being compared) singles none of them out.
                      !words.indices.contains(where: { $0 != index && contains(words[$0], echo) }) {
                warnings.append(place(.itemStemEcho, [choice.text, text(echo)]))
            }
        }
        return warnings
    }

    /// The warnings about a course's questions taken together (final quiz and lesson checks), placed at its
    /// `course.md`.
    static func course(_ course: Course, at place: Place) -> [Diagnostic] {
        var quizzes = course.lessons.compactMap(\.check)
        if let final = course.finalQuiz { quizzes.append(final) }
        let questions = quizzes.flatMap(\.questions)
        var warnings: [Diagnostic] = []

        let statements = questions.filter { $0.kind == .trueFalse }
        let trueCount = statements.filter(isTrue).count
        if statements.count >= ItemWritingRules.minimumQuestions,
           !ItemWritingRules.trueShare.contains(Double(trueCount) / Double(statements.count)) {
            warnings.append(place(.itemTrueFalseBalance, [
                String(trueCount), String(statements.count), percent(trueCount, statements.count),
                "\(percent(ItemWritingRules.trueShare.lowerBound))–\(percent(ItemWritingRules.trueShare.upperBound))%",
            ]))
        }

        let single = questions.filter { $0.kind == .singleChoice }
        let longest = single.filter(rightIsLongest).count
        if single.count >= ItemWritingRules.minimumQuestions,
           Double(longest) > ItemWritingRules.longestRightShare * Double(single.count) {
            warnings.append(place(.itemLongestRight, [
                String(longest), String(single.count), percent(ItemWritingRules.longestRightShare) + "%",
            ]))
        }

        // Where choices keep their written order, the place of the right answer is a pattern a learner can see.
        let fixed = quizzes.filter { !$0.settings.shuffleChoices }.flatMap(\.questions)
            .filter { $0.kind == .singleChoice }
        let places = fixed.compactMap { $0.answerKey.choices.firstIndex(where: \.isCorrect) }
        let counts = Dictionary(grouping: places, by: { $0 }).mapValues(\.count)
        if places.count >= ItemWritingRules.minimumQuestions, let (position, count) = counts.max(by: { $0.value < $1.value }),
           Double(count) > ItemWritingRules.samePositionShare * Double(places.count) {
            warnings.append(place(.itemSamePosition, [
                String(count), String(places.count), String(position + 1),
                percent(ItemWritingRules.samePositionShare) + "%",
            ]))
        }
        return warnings
    }

    /// Whether a true/false question's statement is true (its right choice is "Đúng").
    static func isTrue(_ question: Question) -> Bool {
        question.answerKey.choices.first(where: \.isCorrect)
            .map { TextNormalizer.comparisonKey($0.text) == "đúng" } ?? false
    }

    /// Whether the right choice is strictly longer than every other.
    static func rightIsLongest(_ question: Question) -> Bool {
        let choices = question.answerKey.choices
        guard let right = choices.first(where: \.isCorrect) else { return false }
        let length = TextNormalizer.nfc(right.text).count
        return choices.allSatisfy { $0.isCorrect || TextNormalizer.nfc($0.text).count < length }
    }

    /// A word as its UTF-8 bytes: the check runs on every question of every course at each load, and comparing
    /// NFC bytes is what Swift's `String ==` does the slow way for Vietnamese letters.
    typealias Word = [UInt8]

    static let absoluteWords = ItemWritingRules.absoluteWords.map { $0.map { Word($0.utf8) } }
    static let allOrNonePhrases = ItemWritingRules.allOrNonePhrases.map { $0.map { Word($0.utf8) } }

    /// The words of a text, lowercased NFC, split at anything that is not a letter or a digit. Read from Unicode
    /// scalars: ASCII letters and digits, and the Latin letters with diacritics (U+00C0 up, outside the
    /// punctuation and symbol blocks) are word characters; that is all Vietnamese text needs.
    static func syllables(_ text: String) -> [Word] {
        var words: [Word] = []
        var current: Word = []
        for scalar in TextNormalizer.nfc(text).unicodeScalars {
            if isWordScalar(scalar.value) {
                appendLowercased(scalar, to: &current)
            } else if !current.isEmpty {
                words.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Appends a scalar's lowercase form as UTF-8. The capitals of Vietnamese are mapped directly (ASCII, Latin-1,
    /// Ă Đ Ĩ Ũ Ơ Ư and the precomposed letters U+1EA0–U+1EF9, capitals at even code points); anything else asks
    /// Unicode: `String.lowercased()` on every text was a tenth of the loader's time.
    private static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout Word) {
        let value = scalar.value
        let lower: UInt32
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: lower = value + 0x20
        case 0x102, 0x110, 0x128, 0x168, 0x1A0: lower = value + 1
        case 0x1AF: lower = 0x1B0
        case 0x1EA0...0x1EF9: lower = value | 1
        case 0..<0x80, 0xDF...0xFF, 0x103, 0x111, 0x129, 0x169, 0x1A1, 0x1B0: lower = value
        default:
            for mapped in scalar.properties.lowercaseMapping.unicodeScalars { UTF8.encode(mapped) { word.append($0) } }
            return
        }
        UTF8.encode(Unicode.Scalar(lower)!) { word.append($0) }
    }

    private static func isWordScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x30...0x39, 0x61...0x7A, 0x41...0x5A: true
        case 0..<0xC0, 0xD7, 0xF7, 0x2000...0x2BFF, 0x3000...0x303F, 0xFE00...0xFE0F, 0xFEFF: false
        default: true
        }
    }

    /// The first phrase of `phrases` that occurs as consecutive words of `words`, written out.
    private static func firstPhrase(of phrases: [[Word]], in words: [Word]) -> String? {
        phrases.first { contains(words, $0) }.map(text)
    }

    /// Whether `phrase` occurs as consecutive words of `words`.
    private static func contains(_ words: [Word], _ phrase: [Word]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        return (0...(words.count - phrase.count)).contains { start in
            words[start..<start + phrase.count].elementsEqual(phrase)
        }
    }

    /// The longest run of consecutive words found in both `a` and `b`.
    private static func sharedRun(_ a: [Word], _ b: [Word]) -> [Word]? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        var best = (length: 0, end: 0)
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0
                if current[j] > best.length { best = (current[j], i) }
            }
            swap(&previous, &current)
        }
        return best.length == 0 ? nil : Array(a[(best.end - best.length)..<best.end])
    }

    /// Words written out, separated by spaces.
    private static func text(_ words: [Word]) -> String {
        words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    private static func percent(_ part: Int, _ whole: Int) -> String {
        String(Int((Double(part) * 100 / Double(whole)).rounded()))
    }

    private static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) }
}
