/// An amount of money in whole shillings.
///
/// M-PESA moves whole shillings only, and the seed carries every amount as a JSON integer
/// (`"amount": 5000`), so the amount is an `Int64` of major units: never a floating-point value,
/// which could not represent every amount exactly. Arithmetic is overflow-checked and throws instead
/// of trapping, because amounts arrive from outside (USSD input, Kafka records) and a hostile value
/// must not crash a service.
///
/// On the wire a `Money` is a plain JSON integer: the seed names the currency once per request
/// (`"currency": "KES"`), not per amount, so decoding a bare integer yields Kenyan shillings and an
/// event that carries a currency field re-attaches it.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The currency used when none is named: Kenyan shillings.
    public static let defaultCurrency = "KES"

    /// Zero Kenyan shillings.
    public static let zero = Money(amount: 0)

    /// Whole units of `currency` (shillings for KES). Negative values are allowed so that deltas and
    /// corrections can be expressed; user input is parsed with ``init(parsing:currency:)``, which
    /// accepts positive amounts only.
    public let amount: Int64

    /// ISO 4217 currency code, e.g. `KES`.
    public let currency: String

    public init(amount: Int64, currency: String = Money.defaultCurrency) {
        self.amount = amount
        self.currency = currency
    }

    /// Shorthand for `Money(amount:)` in Kenyan shillings.
    public static func shillings(_ amount: Int64) -> Money {
        Money(amount: amount)
    }

    public var isZero: Bool { amount == 0 }
    public var isPositive: Bool { amount > 0 }
    public var isNegative: Bool { amount < 0 }

    /// `self + other`, or ``MoneyError/overflow`` / ``MoneyError/currencyMismatch(_:_:)``.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (sum, overflow) = amount.addingReportingOverflow(other.amount)
        guard !overflow else { throw .overflow }
        return Money(amount: sum, currency: currency)
    }

    /// `self - other`, or ``MoneyError/overflow`` / ``MoneyError/currencyMismatch(_:_:)``.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (difference, overflow) = amount.subtractingReportingOverflow(other.amount)
        guard !overflow else { throw .overflow }
        return Money(amount: difference, currency: currency)
    }

    /// `self * factor`, or ``MoneyError/overflow``.
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = amount.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw .overflow }
        return Money(amount: product, currency: currency)
    }

    /// `-self`, or ``MoneyError/overflow`` for `Int64.min`, which has no positive counterpart.
    public func negated() throws(MoneyError) -> Money {
        guard amount != .min else { throw .overflow }
        return Money(amount: -amount, currency: currency)
    }

    private func requireSameCurrency(_ other: Money) throws(MoneyError) {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
    }

    /// Orders by amount, then by currency code, so that the order is total; comparing amounts of two
    /// currencies is not meaningful, and callers should not rely on it.
    public static func < (lhs: Money, rhs: Money) -> Bool {
        (lhs.amount, lhs.currency) < (rhs.amount, rhs.currency)
    }

    public var description: String { formatted }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            self.init(amount: try container.decode(Int64.self))
        } catch {
            // Foundation reports a fraction or an out-of-range integer as invalid JSON without naming
            // the field; say which field and why, so the dead letter is actionable.
            guard let number = try? container.decode(Double.self) else { throw error }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "amount \(number) is not a whole number of shillings in range")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(amount)
    }
}

extension Money: ExpressibleByIntegerLiteral {
    /// Lets tests and fixtures write `let fee: Money = 15` for Kenyan shillings.
    public init(integerLiteral value: Int64) {
        self.init(amount: value)
    }
}
