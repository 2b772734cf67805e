extension Money {
    /// The amount as M-PESA writes it in SMS receipts: `Ksh5,000.00`, `Ksh19,985.00`, `Ksh0.00`.
    ///
    /// Built by hand rather than with a locale-dependent formatter, because the SMS text is a
    /// contract and must not change with the host's locale. Whole shillings always show `.00`.
    /// Negative amounts read `-Ksh15.00`. Currencies other than KES use their code as the symbol.
    public var formatted: String {
        let symbol = currency == Money.defaultCurrency ? "Ksh" : currency
        let sign = amount < 0 ? "-" : ""
        return sign + symbol + Money.groupedDigits(amount.magnitude) + ".00"
    }

    /// `1234567` as `1,234,567`.
    static func groupedDigits(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var result = ""
        result.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 {
                result.append(",")
            }
            result.append(digit)
        }
        return result
    }
}
