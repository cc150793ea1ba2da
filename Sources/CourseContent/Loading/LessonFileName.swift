import Foundation

/// Lesson files are named `NN-slug.md`: two or more digits, a dash, a lower-case ASCII slug.
enum LessonFileName {
    /// The lesson's number, or nil when the name does not follow the pattern.
    static func number(of file: String) -> Int? {
        guard file.hasSuffix(".md") else { return nil }
        let stem = file.dropLast(3)
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        let rest = stem.dropFirst(digits.count)
        guard digits.count >= 2, rest.hasPrefix("-"), rest.count > 1,
              rest.dropFirst().allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
        else { return nil }
        return Int(digits)
    }
}
