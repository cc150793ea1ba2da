import Foundation
import LearningCore
import Testing
import TestSupport

@Suite("Grading each kind of question")
struct GraderTests {
    private func credit(_ response: Response?, _ question: Question, partialDefault: Bool = false) -> Credit {
        Grader.credit(for: response, to: question, partialCreditDefault: partialDefault)
    }

    @Test func singleChoiceRightWrongAndUnanswered() {
        let question = QuestionBuilder.single("q", choices: ["A", "B", "C"], right: 1)
        #expect(credit(.choices(["b"]), question) == .full)
        #expect(credit(.choices(["a"]), question) == .zero)
        #expect(credit(.choices([]), question) == .zero)
        #expect(credit(nil, question) == .zero)
        // Two picks on a single-choice question never count, even if one is right.
        #expect(credit(.choices(["a", "b"]), question) == .zero)
    }

    @Test func trueFalse() {
        let question = QuestionBuilder.trueFalse("q", isTrue: false)
        #expect(credit(.choices(["b"]), question) == .full)
        #expect(credit(.choices(["a"]), question) == .zero)
    }

    @Test func multipleChoiceAllOrNothingByDefault() {
        let question = QuestionBuilder.multiple("q", choices: ["A", "B", "C", "D"], right: [0, 2])
        #expect(credit(.choices(["a", "c"]), question) == .full)
        #expect(credit(.choices(["a"]), question) == .zero)
        #expect(credit(.choices(["a", "c", "d"]), question) == .zero)
        #expect(credit(.choices([]), question) == .zero)
    }

    @Test func multipleChoicePartialCredit() {
        let question = QuestionBuilder.multiple("q", choices: ["A", "B", "C", "D"], right: [0, 1, 2], partial: true)
        #expect(credit(.choices(["a", "b", "c"]), question) == .full)
        #expect(credit(.choices(["a", "b"]), question) == Credit(2, over: 3))
        #expect(credit(.choices(["a", "b", "d"]), question) == Credit(1, over: 3))
        #expect(credit(.choices(["a", "d"]), question) == .zero)
        #expect(credit(.choices(["d"]), question) == .zero, "never below zero")
    }

    @Test func quizDefaultForPartialCreditAndQuestionOverride() {
        let follows = QuestionBuilder.multiple("q", choices: ["A", "B", "C"], right: [0, 1])
        #expect(credit(.choices(["a"]), follows, partialDefault: true) == Credit(1, over: 2))
        #expect(credit(.choices(["a"]), follows, partialDefault: false) == .zero)
        let strict = QuestionBuilder.multiple("q", choices: ["A", "B", "C"], right: [0, 1], partial: false)
        #expect(credit(.choices(["a"]), strict, partialDefault: true) == .zero)
    }

    @Test func shortTextFoldsCaseAndSpaces() {
        let question = QuestionBuilder.text("q", accepted: ["VNeID"])
        #expect(credit(.text("vneid"), question) == .full)
        #expect(credit(.text("  VNEID \n"), question) == .full)
        #expect(credit(.text("VNe ID"), question) == .zero)
        #expect(credit(.text(""), question) == .zero)
    }

    @Test func shortTextNFCAndNFDGradeTheSame() {
        let question = QuestionBuilder.text("q", accepted: ["Định danh điện tử"])
        let nfd = "Định danh điện tử".decomposedStringWithCanonicalMapping
        let nfc = "Định danh điện tử".precomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count != nfc.unicodeScalars.count)
        #expect(credit(.text(nfd), question) == .full)
        #expect(credit(.text(nfc), question) == .full)
        let authoredInNFD = QuestionBuilder.text("q", accepted: [nfd])
        #expect(credit(.text(nfc), authoredInNFD) == .full)
    }

    @Test func diacriticsMatterUnlessTheAuthorSaysOtherwise() {
        let strict = QuestionBuilder.text("q", accepted: ["má"])
        #expect(credit(.text("ma"), strict) == .zero, "ma and má are different words")
        #expect(credit(.text("Má"), strict) == .full)
        let lenient = QuestionBuilder.text("q", accepted: ["Định danh"], ignoresDiacritics: true)
        #expect(credit(.text("dinh danh"), lenient) == .full)
        #expect(credit(.text("Định danh"), lenient) == .full)
    }

    @Test func numberExactAndWithTolerance() {
        let exact = QuestionBuilder.number("q", value: 6)
        #expect(credit(.number("6"), exact) == .full)
        #expect(credit(.number("6,0"), exact) == .full)
        #expect(credit(.number("7"), exact) == .zero)
        #expect(credit(.number("sáu"), exact) == .zero)
        let tolerant = QuestionBuilder.number("q", value: Decimal(string: "2.5")!, tolerance: Decimal(string: "0.5")!)
        #expect(credit(.number("3"), tolerant) == .full, "the tolerance is inclusive")
        #expect(credit(.number("2"), tolerant) == .full)
        #expect(credit(.number("3,01"), tolerant) == .zero)
        #expect(credit(.number("1,99"), tolerant) == .zero)
    }

    @Test func numberInVietnameseNotation() {
        let million = QuestionBuilder.number("q", value: 1_000_000)
        #expect(credit(.number("1.000.000"), million) == .full)
        #expect(credit(.number("1000000"), million) == .full)
        #expect(credit(.number("1 000 000"), million) == .full)
        #expect(credit(.number("1.000"), million) == .zero)
    }

    @Test func responseOfTheWrongShapeEarnsNothing() {
        let question = QuestionBuilder.single("q", choices: ["A", "B"], right: 0)
        #expect(credit(.text("A"), question) == .zero)
    }
}
