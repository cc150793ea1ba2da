import Foundation
@testable import HocTapCLI
import Testing

/// The demonstration's simulated answers: each question keeps its own difficulty and discrimination in every run,
/// they differ from question to question (so the item analysis has something to show), and a stronger learner is
/// never less likely to be right.
@Suite("Demo answers: a plausible difficulty per question")
struct DemoItemModelTests {
    static let ids = (1...200).map { "khoa/quiz/\($0)" }

    @Test func theSameQuestionHasTheSameParametersEveryTime() {
        for id in Self.ids.prefix(20) {
            #expect(DemoItemModel.parameters(questionID: id) == DemoItemModel.parameters(questionID: id))
        }
        #expect(DemoItemModel.parameters(questionID: "a/quiz/1") != DemoItemModel.parameters(questionID: "a/quiz/2"))
    }

    @Test func questionsRangeFromEasyToHardAndSomeBarelyDiscriminate() {
        let parameters = Self.ids.map(DemoItemModel.parameters(questionID:))
        let difficulties = parameters.map(\.difficulty)
        #expect(difficulties.min()! < -1 && difficulties.max()! > 1, "easy and hard questions")
        let weak = parameters.filter { $0.discrimination < 0.3 }.count
        #expect(weak > 5 && weak < 40, "about one question in ten barely discriminates: \(weak) of 200")
        // An average learner (skill 0.75) gets the easiest questions mostly right and the hardest mostly wrong.
        let chances = Self.ids.map { DemoItemModel.probabilityRight(skill: 0.75, questionID: $0) }
        #expect(chances.max()! > 0.9 && chances.min()! < 0.4)
    }

    @Test func aStrongerLearnerIsNeverLessLikelyToBeRight() {
        for id in Self.ids {
            let weak = DemoItemModel.probabilityRight(skill: 0.6, questionID: id)
            let strong = DemoItemModel.probabilityRight(skill: 0.95, questionID: id)
            #expect(strong >= weak, "\(id)")
        }
    }
}
