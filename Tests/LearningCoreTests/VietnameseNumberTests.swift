import Foundation
import LearningCore
import Testing

@Suite("Numbers as Vietnamese learners type them")
struct VietnameseNumberTests {
    @Test(arguments: [
        ("6", "6"), ("1.000.000", "1000000"), ("2,5", "2.5"), ("2.5", "2.5"), ("1.234,56", "1234.56"),
        ("-3", "-3"), (" 12 ", "12"), ("0,05", "0.05"), ("1.000", "1000"), ("12.5", "12.5"),
    ])
    func parses(typed: String, expected: String) {
        #expect(VietnameseNumber.parse(typed) == Decimal(string: expected, locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test(arguments: ["", "abc", "1,2,3", "1..2", ".5", "5.", "1.00.000", "sáu", "1,000.5"])
    func refuses(typed: String) {
        #expect(VietnameseNumber.parse(typed) == nil)
    }
}
