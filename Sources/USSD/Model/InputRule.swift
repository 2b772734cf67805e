/// How an input screen checks what the subscriber typed, and what it stores.
///
/// Validation also normalises (a phone number becomes `2547XXXXXXXX`), so payment fields built from session
/// variables are already in the form the pipeline expects.
public struct InputRule: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A Kenyan mobile number: `07XXXXXXXX`, `01XXXXXXXX`, `7XXXXXXXX`, `2547XXXXXXXX` or `+2547XXXXXXXX`.
        case msisdn
        /// Whole shillings, no leading zero, within `min...max`.
        case amount(min: Int, max: Int)
        /// Digits only, with a length in `minLength...maxLength` (agent, store, till, business numbers).
        case digits(minLength: Int, maxLength: Int)
        /// Letters, digits and `-` (an account reference), with a length in range.
        case text(minLength: Int, maxLength: Int)
        /// Exactly `length` digits, for a new PIN. Always on a `secret: true` screen.
        case pin(length: Int)
    }

    public var kind: Kind
    /// When set, the value must equal this variable (confirming a new PIN).
    public var sameAs: String?

    public init(kind: Kind, sameAs: String? = nil) {
        self.kind = kind
        self.sameAs = sameAs
    }

    /// The normalised value, or nil when `input` breaks the rule.
    public func normalise(_ input: String) -> String? {
        switch kind {
        case .msisdn:
            return Self.kenyanMSISDN(input)
        case .amount(let min, let max):
            guard !input.isEmpty, input.count <= 12, input.allSatisfy(\.isASCIIDigitCharacter),
                input.first != "0", let value = Int(input), value >= min, value <= max
            else { return nil }
            return input
        case .digits(let minLength, let maxLength):
            guard (minLength...maxLength).contains(input.count), input.allSatisfy(\.isASCIIDigitCharacter)
            else { return nil }
            return input
        case .text(let minLength, let maxLength):
            let allowed = input.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            guard allowed, (minLength...maxLength).contains(input.count) else { return nil }
            return input
        case .pin(let length):
            guard input.count == length, input.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
            return input
        }
    }

    /// The most characters a stored value can have once displayed (after `format`), used to prove that a
    /// variable's declared `maxWidth` is honest. Nil for secrets, which no screen may show.
    public func displayWidth(format: VariableSpec.Format) -> Int? {
        switch kind {
        case .msisdn: return 12
        case .amount(_, let max):
            let digits = String(max).count
            return format == .thousands ? digits + (digits - 1) / 3 : digits
        case .digits(_, let maxLength), .text(_, let maxLength): return maxLength
        case .pin: return nil
        }
    }

    /// `254` plus nine digits starting with 7 or 1 (Safaricom and the newer 01 range).
    static func kenyanMSISDN(_ input: String) -> String? {
        var digits = Substring(input)
        if digits.hasPrefix("+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        let subscriber: Substring
        if digits.count == 12, digits.hasPrefix("254") {
            subscriber = digits.dropFirst(3)
        } else if digits.count == 10, digits.hasPrefix("0") {
            subscriber = digits.dropFirst()
        } else if digits.count == 9 {
            subscriber = digits
        } else {
            return nil
        }
        guard subscriber.first == "7" || subscriber.first == "1" else { return nil }
        return "254" + subscriber
    }
}
