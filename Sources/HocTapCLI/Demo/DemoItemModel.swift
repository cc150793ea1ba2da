import Foundation

/// How a simulated learner answers a question: a two-parameter logistic model, P(right) = 1 / (1 + e^(−a(θ − b))),
/// with the question's difficulty b and discrimination a fixed by its id (the same in every run, for every
/// learner), so that the demonstration's item analysis shows easy and hard questions, sharp and weak ones, as
/// real answers would. A learner's ability θ is the log-odds of their skill.
enum DemoItemModel {
    /// The question's difficulty (−1.5 easy … 1.5 hard) and discrimination (about one question in ten barely
    /// separates strong learners from weak ones).
    static func parameters(questionID: String) -> (difficulty: Double, discrimination: Double) {
        let first = unit(questionID, salt: "kho")
        let second = unit(questionID, salt: "phan-biet")
        let discrimination = second < 0.1 ? 0.1 : 0.5 + 1.8 * second
        return (-1.5 + 3 * first, discrimination)
    }

    /// The chance that a learner of `skill` (0–1) answers the question right.
    static func probabilityRight(skill: Double, questionID: String) -> Double {
        let ability = log(skill / (1 - skill))
        let (difficulty, discrimination) = parameters(questionID: questionID)
        return 1 / (1 + exp(-discrimination * (ability - difficulty)))
    }

    /// How attractive a wrong choice is (0.2–1): some distractors draw more learners than others.
    static func attraction(questionID: String, choiceID: String) -> Double {
        0.2 + 0.8 * unit(questionID + "/" + choiceID, salt: "nhieu")
    }

    /// A number in [0, 1) from the text: FNV-1a, which unlike Swift's `Hasher` is the same in every process, then
    /// SplitMix64's finaliser, since FNV leaves the high bits of similar texts ("…/quiz/1", "…/quiz/2") alike.
    private static func unit(_ text: String, salt: String) -> Double {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (salt + ":" + text).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        return Double(hash >> 11) / Double(UInt64(1) << 53)
    }
}
