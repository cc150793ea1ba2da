import Foundation
import LearningCore
import Testing
import TestSupport

@Suite("Exact scores and pass marks")
struct ScoreTests {
    private func result(correct: Int, of total: Int, passMark: Int) -> QuizResult {
        let results = (0..<total).map { index in
            QuestionResult(questionID: "q\(index)", contentHash: "h", response: nil,
                           credit: index < correct ? .full : .zero)
        }
        return QuizResult(questions: results, passMark: passMark)
    }

    @Test func fourOfFivePassesAtEighty() {
        #expect(result(correct: 4, of: 5, passMark: 80).passed)
        #expect(result(correct: 4, of: 5, passMark: 80).percent == 80)
        #expect(!result(correct: 3, of: 5, passMark: 80).passed)
        #expect(!result(correct: 4, of: 5, passMark: 81).passed)
    }

    @Test(arguments: [(7, 10, 70, true), (69, 100, 70, false), (7, 9, 78, false), (7, 9, 77, true),
                      (1, 3, 33, true), (1, 3, 34, false), (0, 1, 1, false), (1, 1, 100, true)])
    func boundaries(correct: Int, total: Int, passMark: Int, passes: Bool) {
        #expect(result(correct: correct, of: total, passMark: passMark).passed == passes)
    }

    @Test func partialCreditsAddUpExactly() {
        // Three questions worth 1/3 each of a point, plus two full: 2 + 3·(1/3) = 3 of 5 = 60%.
        let thirds = (0..<3).map {
            QuestionResult(questionID: "p\($0)", contentHash: "h", response: nil, credit: Credit(1, over: 3))
        }
        let fulls = (0..<2).map {
            QuestionResult(questionID: "f\($0)", contentHash: "h", response: nil, credit: .full)
        }
        let quiz = QuizResult(questions: thirds + fulls, passMark: 60)
        #expect(quiz.earned == Credit(3))
        #expect(quiz.passed)
        #expect(!QuizResult(questions: thirds + fulls, passMark: 61).passed)
    }

    @Test func anEmptyResultNeverPasses() {
        #expect(!QuizResult(questions: [], passMark: 1).passed)
    }

    @Test func creditsReduce() {
        #expect(Credit(2, over: 4) == Credit(1, over: 2))
        #expect(Credit(1, over: 2) + Credit(1, over: 3) == Credit(5, over: 6))
        #expect(Credit(1, over: 3) < Credit(1, over: 2))
    }
}
