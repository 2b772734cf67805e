/// Why an arithmetic operation on ``Money`` had no result.
public enum MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The result does not fit in an `Int64` of whole units.
    case overflow
    /// The operands are in different currencies (left, right).
    case currencyMismatch(String, String)

    public var description: String {
        switch self {
        case .overflow: "amount out of range"
        case let .currencyMismatch(left, right): "currency mismatch: \(left) and \(right)"
        }
    }
}
