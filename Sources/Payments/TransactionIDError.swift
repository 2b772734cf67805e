/// Why a string is not a transaction id of the seed's shape `TXN-YYYYMMDD-<suffix>`.
public enum TransactionIDError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Does not start with `TXN-` or is too short to hold a date and a suffix.
    case wrongPrefix
    /// The 8 characters after `TXN-` are not a `YYYYMMDD` date.
    case invalidDate
    /// No `-` after the date, or the suffix is empty, too long, or not `[A-Z0-9]`.
    case invalidSuffix

    public var description: String {
        switch self {
        case .wrongPrefix: "transaction id must start with TXN-"
        case .invalidDate: "transaction id must carry a YYYYMMDD date"
        case .invalidSuffix: "transaction id suffix must be 1-32 characters A-Z, 0-9"
        }
    }
}
