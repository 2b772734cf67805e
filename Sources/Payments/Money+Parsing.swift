extension Money {
    /// Parses an amount a person typed: `5000`, `5,000` or `1,000,000`, with surrounding whitespace.
    ///
    /// Only positive whole amounts pass, because this is how payment amounts enter the system; each
    /// rejection names its reason so the USSD menu can say what was wrong.
    public init(parsing text: String, currency: String = Money.defaultCurrency) throws(MoneyParseError) {
        var body = Substring(text.trimmingWhitespace())
        guard !body.isEmpty else { throw .empty }
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        guard !body.isEmpty else { throw .notANumber }
        if body.contains(".") {
            guard body.allSatisfy({ $0.isASCIIDigit || $0 == "," || $0 == "." }) else { throw .notANumber }
            throw .fractional
        }
        guard body.allSatisfy({ $0.isASCIIDigit || $0 == "," }) else { throw .notANumber }
        if body.contains(",") {
            let groups = body.split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { throw .misplacedSeparator }
        }
        var value: Int64 = 0
        for character in body where character != "," {
            let digit = Int64(character.asciiValue! - 48)
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { throw .overflow }
            value = next
        }
        guard value != 0 else { throw .zero }
        guard !negative else { throw .negative }
        self.init(amount: value, currency: currency)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) && isASCII }
}

extension String {
    /// Leading and trailing spaces, tabs and newlines removed (Foundation-free).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[start...end])
    }
}
