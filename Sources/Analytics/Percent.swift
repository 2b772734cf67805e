/// Ratios as percentages, with nothing (not zero, not NaN) when there is nothing to divide by.
enum Percent {
    static func of(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) * 100 / Double(whole) : nil
    }

    static func mean(_ total: Double, _ count: Int) -> Double? {
        count > 0 ? total / Double(count) : nil
    }
}
