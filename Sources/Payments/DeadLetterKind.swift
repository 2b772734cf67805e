/// Why a record sits on `payment-dlq`.
///
/// POISON: a record that cannot be decoded or keeps failing, parked with its origin. TIMEOUT: a payment
/// declined because a validation system did not answer in time, parked for manual review. TRANSIENT: a
/// failure worth retrying with backoff, parked once the attempts are spent.
public enum DeadLetterKind: OpenEnum {
    case poison
    case timeout
    case transient
    /// A value this build does not know; kept verbatim so that it can be rejected or relayed.
    case unknown(String)

    public static let knownCases: [DeadLetterKind] = [.poison, .timeout, .transient]

    public init(rawValue: String) {
        self = DeadLetterKind.known(rawValue) ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .poison: "POISON"
        case .timeout: "TIMEOUT"
        case .transient: "TRANSIENT"
        case let .unknown(raw): raw
        }
    }
}
