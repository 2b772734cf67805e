/// Why a typed amount (e.g. a USSD answer) is not a valid payment amount.
public enum MoneyParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace was entered.
    case empty
    /// The text contains something other than digits and thousands separators (e.g. `abc`).
    case notANumber
    /// The amount is zero: a payment must move money.
    case zero
    /// The amount is negative.
    case negative
    /// The amount has a decimal part: M-PESA moves whole shillings only.
    case fractional
    /// A thousands separator is out of place (`5,00`, `,500`, `5,,000`).
    case misplacedSeparator
    /// The amount does not fit in an `Int64`.
    case overflow

    public var description: String {
        switch self {
        case .empty: "no amount entered"
        case .notANumber: "not a number"
        case .zero: "amount must be more than zero"
        case .negative: "amount must not be negative"
        case .fractional: "amount must be whole shillings"
        case .misplacedSeparator: "misplaced thousands separator"
        case .overflow: "amount too large"
        }
    }
}
