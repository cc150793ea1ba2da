import Foundation
import LearningCore
import Testing

@Suite("NFC normalisation and comparison keys")
struct TextNormalizerTests {
    static let samples = [
        "Kỹ năng số cơ bản", "Định danh điện tử", "Thanh toán 1.000.000 ₫ — “an toàn”…", "ASCII only",
        "Đ\u{0301}", "Kiê\u{0300}n Thu\u{0323}y", "e\u{0301}", "\u{212B}ngström", "A\u{030A}", "\u{2000}space",
        "한국어", "가\u{11A8}", "Ω\u{0301}", "emoji 🇻🇳", "tab\tand\r\nnewlines", "",
    ]

    @Test(arguments: samples)
    func nfcAgreesWithFoundation(text: String) {
        let ours = TextNormalizer.nfc(text)
        let foundation = text.precomposedStringWithCanonicalMapping
        #expect(Array(ours.unicodeScalars) == Array(foundation.unicodeScalars))
    }

    @Test func nfdVietnameseBecomesNFC() {
        let nfd = "Học tập số".decomposedStringWithCanonicalMapping
        #expect(Array(TextNormalizer.nfc(nfd).unicodeScalars) == Array("Học tập số".unicodeScalars))
    }

    @Test func trimmedRemovesOnlyTheEnds() {
        #expect(TextNormalizer.trimmed("  Đáp  án \n") == "Đáp  án")
        #expect(TextNormalizer.trimmed(" \t ") == "")
        #expect(TextNormalizer.trimmed("x") == "x")
    }

    @Test func comparisonKeys() {
        #expect(TextNormalizer.comparisonKey("  Định   DANH ") == "định danh")
        #expect(TextNormalizer.comparisonKey("Định danh", ignoringDiacritics: true) == "dinh danh")
        #expect(TextNormalizer.comparisonKey("má") != TextNormalizer.comparisonKey("ma"))
    }
}
