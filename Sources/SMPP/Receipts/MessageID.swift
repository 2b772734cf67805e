/// Message-id normalisation, because SMSCs often give the id in hex in `submit_sm_resp` and in
/// decimal in the receipt (or the other way round), with or without leading zeros, in either
/// case. Which base a link uses is a per-link setting, since `10` alone is ambiguous.
public enum MessageID {
    public enum Base: String, Hashable, Sendable, CaseIterable {
        case hex
        case decimal
    }

    /// A canonical form that two spellings of the same id share: the value in lower-case hex
    /// without leading zeros. Ids that are not numbers in `base` are lower-cased and stripped of
    /// leading zeros only, so they still match themselves ignoring case.
    ///
    /// `normalized("0A", base: .hex) == normalized("10", base: .decimal) == "a"`.
    public static func normalized(_ raw: String, base: Base) -> String {
        let trimmed = raw.trimmingSpacesAndNUL()
        guard let digits = digits(of: trimmed, base: base) else {
            return String(trimmed.lowercased().drop { $0 == "0" })
        }
        return render(convert(digits, from: base.radix, to: 16), radix: 16)
    }

    /// Whether two ids, each read in its link's base, name the same message.
    public static func matches(_ first: String, base firstBase: Base, _ second: String, base secondBase: Base) -> Bool {
        normalized(first, base: firstBase) == normalized(second, base: secondBase)
    }

    /// The id rewritten in another base (no leading zeros, lower case), e.g. to show a
    /// receipt's decimal id the way `submit_sm_resp` spelt it; nil if `raw` is not a number in `from`.
    public static func convert(_ raw: String, from: Base, to: Base) -> String? {
        guard let digits = digits(of: raw.trimmingSpacesAndNUL(), base: from) else { return nil }
        return render(convert(digits, from: from.radix, to: to.radix), radix: to.radix)
    }

    // MARK: Arbitrary-length base conversion (ids can be longer than 64 bits)

    private static func digits(of text: Substring, base: Base) -> [UInt8]? {
        guard !text.isEmpty else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard let value = digitValue(byte), Int(value) < base.radix else { return nil }
            digits.append(value)
        }
        return digits
    }

    private static func digitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Most-significant-first digits from one radix to another by repeated division.
    private static func convert(_ digits: [UInt8], from: Int, to: Int) -> [UInt8] {
        var number = Array(digits.drop { $0 == 0 })
        var result: [UInt8] = []
        while !number.isEmpty {
            var quotient: [UInt8] = []
            var remainder = 0
            for digit in number {
                let value = remainder * from + Int(digit)
                let q = value / to
                remainder = value % to
                if !quotient.isEmpty || q != 0 { quotient.append(UInt8(q)) }
            }
            result.append(UInt8(remainder))
            number = quotient
        }
        return result.isEmpty ? [0] : result.reversed()
    }

    private static func render(_ digits: [UInt8], radix: Int) -> String {
        let alphabet = Array("0123456789abcdef")
        return String(digits.map { alphabet[Int($0)] })
    }
}

extension MessageID.Base {
    var radix: Int { self == .hex ? 16 : 10 }
}

extension String {
    fileprivate func trimmingSpacesAndNUL() -> Substring {
        let isPadding: (Character) -> Bool = { $0 == " " || $0 == "\0" || $0 == "\t" }
        var trimmed = Substring(self)
        while let first = trimmed.first, isPadding(first) { trimmed.removeFirst() }
        while let last = trimmed.last, isPadding(last) { trimmed.removeLast() }
        return trimmed
    }
}
