/// The thresholds and word lists of the item-writing check, in one place, each justified in `Courses/README.md`
/// (section "Viết câu hỏi tốt"), after Haladyna, Downing & Rodriguez, "A Review of Multiple-Choice Item-Writing
/// Guidelines" (2002).
enum ItemWritingRules {
    /// The share of true statements among a course's true/false questions: outside it, always guessing the
    /// majority answer passes.
    static let trueShare: ClosedRange<Double> = 0.35...0.65
    /// The most single-choice questions whose right choice is the longest (a test-wise learner picks the longest).
    static let longestRightShare = 0.5
    /// The most questions with unshuffled choices whose right answer sits in the same place.
    static let samePositionShare = 0.4
    /// Shares are only judged over at least this many questions: two true/false statements out of three say
    /// nothing about a pattern.
    static let minimumQuestions = 4
    /// A choice sharing this many consecutive words (syllables, as Vietnamese writes them) with its question,
    /// when no other choice shares them, repeats a phrase of it: a course's own terms run to five syllables
    /// ("dịch vụ công trực tuyến", "dữ liệu cá nhân của"), and repeating them is no clue.
    static let echoSyllables = 6

    /// Words that make a statement absolute ("specific determiners"): a false statement carrying one is given
    /// away by its wording.
    static let absoluteWords: [[String]] = [
        ["luôn"], ["luôn", "luôn"], ["chắc", "chắn"], ["bất", "kỳ"], ["bất", "kì"], ["bất", "cứ"],
        ["không", "bao", "giờ"], ["tất", "cả"], ["mọi"], ["hoàn", "toàn"], ["tuyệt", "đối"], ["chỉ", "cần"],
    ]

    /// Choices that answer about the other choices ("all of the above", "none of the above").
    static let allOrNonePhrases: [[String]] = [
        ["tất", "cả", "các", "ý"], ["tất", "cả", "các", "đáp", "án"], ["tất", "cả", "các", "lựa", "chọn"],
        ["tất", "cả", "đều", "đúng"], ["tất", "cả", "đều", "sai"], ["không", "ý", "nào"],
        ["không", "có", "ý", "nào"], ["không", "đáp", "án", "nào"], ["các", "ý", "trên"], ["cả", "hai", "ý"],
        ["cả", "a", "và", "b"],
    ]
}
