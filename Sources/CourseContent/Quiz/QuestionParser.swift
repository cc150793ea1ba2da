import Foundation
import LearningCore

/// Reads questions from the syntax tree of a quiz section: each level-2 heading starts a question; a GFM task
/// list, an `Đáp án:` paragraph or an `Đáp án số:` paragraph is its answer; block quotes after it explain it.
struct QuestionParser {
    /// Label of a short-text answer paragraph.
    static let textAnswerLabel = "Đáp án:"
    /// Label of a number answer paragraph.
    static let numberAnswerLabel = "Đáp án số:"
    /// The two choices that make a choice question a true/false question.
    static let trueFalseLabels = ["đúng", "sai"]

    let document: MarkdownDocument
    let source: SourceFile
    let courseID: String
    /// File name without `.md`, for derived question ids.
    let fileStem: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each question id was written, for duplicate checks across the course.
    private(set) var positions: [(id: String, at: Diagnostic)] = []
    /// Question headings seen, including those of questions too broken to keep.
    private(set) var headingCount = 0

    init(document: MarkdownDocument, source: SourceFile, courseID: String, fileStem: String) {
        self.document = document
        self.source = source
        self.courseID = courseID
        self.fileStem = fileStem
    }

    /// Questions found among `blocks` (top-level nodes of the quiz section), in order.
    mutating func parse(_ blocks: [MarkdownNode]) -> [Question] {
        var groups: [(heading: MarkdownNode, blocks: [MarkdownNode])] = []
        for block in blocks {
            if block.kind == .heading, block.headingLevel <= 2 {
                groups.append((block, []))
            } else if !groups.isEmpty {
                groups[groups.count - 1].blocks.append(block)
            }
        }
        headingCount += groups.count
        var questions: [Question] = []
        for (index, group) in groups.enumerated() {
            if let question = parseQuestion(heading: group.heading, blocks: group.blocks, position: index + 1) {
                questions.append(question)
            }
        }
        return questions
    }

    private mutating func parseQuestion(heading: MarkdownNode, blocks: [MarkdownNode], position: Int) -> Question? {
        let attributes = stripAttributes(from: heading)
        for token in attributes.unknown {
            diagnostics.append(source.diagnostic(
                at: heading, .unknownAttribute, [token, QuestionAttributes.vocabulary.joined(separator: ", ")]))
        }
        let id = attributes.id.map { "\(courseID)/\($0)" } ?? "\(courseID)/\(fileStem)/\(position)"
        positions.append((id, source.diagnostic(at: heading, .duplicateQuestionID, [id])))

        guard let answerIndex = blocks.firstIndex(where: { answerBlockKind($0) != nil }),
              let answerKind = answerBlockKind(blocks[answerIndex])
        else {
            diagnostics.append(source.diagnostic(at: heading, .missingAnswer))
            return nil
        }
        let answerBlock = blocks[answerIndex]
        guard let answerKey = readAnswerKey(answerKind, block: answerBlock, attributes: attributes, heading: heading)
        else { return nil }

        let promptBlocks = Array(blocks[..<answerIndex])
        let after = blocks[(answerIndex + 1)...]
        let explanations = Array(after.prefix { $0.kind == .blockQuote })
        for stray in after.dropFirst(explanations.count) {
            diagnostics.append(source.diagnostic(at: stray, .strayContent))
        }
        if explanations.isEmpty {
            diagnostics.append(source.diagnostic(at: heading, .missingExplanation))
        }

        let title = document.inlineHTML(of: heading)
        let promptHTML = "<p>\(title)</p>\n" + document.html(of: promptBlocks)
        let promptText = ([heading.plainText] + promptBlocks.map(\.plainText))
            .filter { !$0.isEmpty }.joined(separator: "\n\n")
        let explanationHTML = explanations.isEmpty ? nil : document.html(of: explanations.flatMap(\.children))
        let explanationText = explanations.isEmpty
            ? nil : explanations.map(\.plainText).joined(separator: "\n\n")
        let question = Question(
            id: id, contentHash: ContentHash.of(promptText: promptText, answerKey: answerKey),
            promptHTML: promptHTML, promptText: promptText, answerKey: answerKey,
            explanationHTML: explanationHTML, explanationText: explanationText)
        diagnostics += ItemWritingCheck.question(question) { [source] code, arguments in
            source.diagnostic(at: heading, code, arguments)
        }
        return question
    }

    private enum AnswerBlockKind { case choices, text, number }

    private func answerBlockKind(_ block: MarkdownNode) -> AnswerBlockKind? {
        switch block.kind {
        case .list where block.children.contains { $0.kind == .taskItem }:
            return .choices
        case .paragraph:
            let lead = leadingText(of: block)
            if lead.hasPrefix(Self.numberAnswerLabel) { return .number }
            if lead.hasPrefix(Self.textAnswerLabel) { return .text }
            return nil
        default:
            return nil
        }
    }

    private mutating func readAnswerKey(
        _ kind: AnswerBlockKind, block: MarkdownNode, attributes: QuestionAttributes, heading: MarkdownNode
    ) -> AnswerKey? {
        switch kind {
        case .choices:
            return readChoices(block, attributes: attributes)
        case .text:
            let accepted = block.children.filter { $0.kind == .code }.compactMap(\.literal)
                .map(TextNormalizer.nfc).filter { !TextNormalizer.trimmed($0).isEmpty }
            guard !accepted.isEmpty else {
                diagnostics.append(source.diagnostic(at: block, .noRightAnswer))
                return nil
            }
            return .shortText(TextAnswerKey(accepted: accepted, ignoresDiacritics: attributes.ignoresDiacritics))
        case .number:
            let spans = block.children.filter { $0.kind == .code }
            guard let first = spans.first else {
                diagnostics.append(source.diagnostic(at: block, .noRightAnswer))
                return nil
            }
            var values: [Decimal] = []
            for span in spans.prefix(2) {
                guard let value = VietnameseNumber.parse(span.literal ?? "") else {
                    diagnostics.append(source.diagnostic(at: span, .invalidNumber, [span.literal ?? ""]))
                    return nil
                }
                values.append(value)
            }
            _ = first
            let tolerance = values.count > 1 ? abs(values[1]) : 0
            return .number(NumberAnswerKey(value: values[0], tolerance: tolerance))
        }
    }

    private mutating func readChoices(_ list: MarkdownNode, attributes: QuestionAttributes) -> AnswerKey? {
        var choices: [Choice] = []
        for item in list.children {
            guard item.kind == .taskItem else {
                diagnostics.append(source.diagnostic(at: item, .strayContent))
                continue
            }
            let blocks = item.children
            let label = blocks.first { $0.kind == .paragraph }
            let feedback = blocks.filter { $0.kind == .blockQuote }
            let letter = String(UnicodeScalar(UInt8(97 + min(choices.count, 25))))
            choices.append(Choice(
                id: letter,
                textHTML: label.map { document.inlineHTML(of: $0) } ?? "",
                text: label?.plainText ?? "",
                isCorrect: item.isChecked,
                feedbackHTML: feedback.isEmpty ? nil : document.html(of: feedback.flatMap(\.children)),
                feedbackText: feedback.isEmpty ? nil : feedback.map(\.plainText).joined(separator: "\n")))
        }
        let rightCount = choices.filter(\.isCorrect).count
        guard choices.count >= 2 else {
            diagnostics.append(source.diagnostic(at: list, .tooFewChoices))
            return nil
        }
        guard rightCount > 0 else {
            diagnostics.append(source.diagnostic(at: list, .noRightAnswer))
            return nil
        }
        if attributes.multiple {
            return .multipleChoice(choices, partialCredit: attributes.partialCredit)
        }
        guard rightCount == 1 else {
            let second = list.children.filter { $0.kind == .taskItem && $0.isChecked }[1]
            diagnostics.append(source.diagnostic(at: second, .singleChoiceManyRight, [String(rightCount)]))
            return nil
        }
        if choices.count == 2,
           choices.map({ TextNormalizer.comparisonKey($0.text) }).sorted() == Self.trueFalseLabels.sorted() {
            return .trueFalse(choices)
        }
        return .singleChoice(choices)
    }

    /// Removes a trailing `{…}` attribute block from the heading's last text node, returning what it said.
    private func stripAttributes(from heading: MarkdownNode) -> QuestionAttributes {
        guard let last = heading.children.last, last.kind == .text, let text = last.literal else {
            return QuestionAttributes()
        }
        let (visible, attributes) = QuestionAttributes.split(text)
        guard let attributes else { return QuestionAttributes() }
        last.setLiteral(visible)
        return attributes
    }

    private func leadingText(of paragraph: MarkdownNode) -> String {
        guard let first = paragraph.children.first, first.kind == .text else { return "" }
        return TextNormalizer.trimmed(first.literal ?? "")
    }
}
