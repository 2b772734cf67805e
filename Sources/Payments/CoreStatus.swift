/// Core's state for a transaction (`coreStatus` on `core-processing`).
///
/// `RESERVED` and `FAILED` answer a request; `COMPLETED` answers an EXECUTE; `RELEASED`
/// acknowledges a RELEASE (not in the seed, which never shows a release).
public enum CoreStatus: OpenEnum {
    case reserved
    case failed
    case completed
    case released
    /// A value this build does not know; kept verbatim so that it can be rejected or relayed.
    case unknown(String)

    public static let knownCases: [CoreStatus] = [.reserved, .failed, .completed, .released]

    public init(rawValue: String) {
        self = CoreStatus.known(rawValue) ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .reserved: "RESERVED"
        case .failed: "FAILED"
        case .completed: "COMPLETED"
        case .released: "RELEASED"
        case let .unknown(raw): raw
        }
    }
}
