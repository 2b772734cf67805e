/// Errors of the ledger's administrative calls. Payment operations never throw for business reasons:
/// a decline is an answer (``ReserveOutcome/failed(reasonCode:)``) that is stored and republished.
public enum LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No customer account for this MSISDN.
    case unknownSubscriber(String)
    /// The subscriber already exists (MSISDN or business number taken).
    case duplicateAccount(String)
    /// A PIN must be exactly four digits.
    case invalidPIN
    /// The subscriber has no PIN yet, so there is nothing to verify against.
    case pinNotSet(String)
    /// An amount that must be zero or positive was not, or was not in shillings.
    case invalidAmount(String)
    /// A name, language or tier outside what the schema allows.
    case invalidField(String)

    public var description: String {
        switch self {
        case let .unknownSubscriber(msisdn): "no subscriber \(msisdn)"
        case let .duplicateAccount(number): "account \(number) already exists"
        case .invalidPIN: "a PIN is exactly four digits"
        case let .pinNotSet(msisdn): "subscriber \(msisdn) has no PIN"
        case let .invalidAmount(detail): "invalid amount: \(detail)"
        case let .invalidField(detail): "invalid field: \(detail)"
        }
    }
}
