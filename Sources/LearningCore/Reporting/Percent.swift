/// The one rule by which every rate and average of a report is written: in percent, rounded half up to one
/// decimal, computed in whole numbers so that no binary fraction tips a half the wrong way.
public enum Percent {
    /// `part` of `whole` in percent, rounded half up to one decimal: 2,446 of 5,088 is 48.1 (48.07…), 1 of 8 is
    /// 12.5, 1 of 16 is 6.3. Nil when `whole` is not positive (no base, no rate).
    ///
    /// An average of whole percents is the same rule: `sum` over `count` is `Percent.of(sum, count * 100)`.
    public static func of(_ part: Int, _ whole: Int) -> Double? {
        guard whole > 0 else { return nil }
        // tenths = ⌊(1000·part / whole) + ½⌋ = ⌊(2000·part + whole) / (2·whole)⌋, floored for negative parts too.
        let (numerator, overflow) = part.multipliedReportingOverflow(by: 2000)
        guard !overflow else { return ((Double(part) * 1000 / Double(whole)) + 0.5).rounded(.down) / 10 }
        let denominator = 2 * whole
        let shifted = numerator + whole
        var tenths = shifted / denominator
        if shifted % denominator != 0 && shifted < 0 { tenths -= 1 }
        return Double(tenths) / 10
    }
}
