/// The outcome announced on `payment-confirmations` (`finalStatus`).
public enum FinalStatus: OpenEnum {
    case completed
    case failed
    /// A value this build does not know; kept verbatim so that it can be rejected or relayed.
    case unknown(String)

    public static let knownCases: [FinalStatus] = [.completed, .failed]

    public init(rawValue: String) {
        self = FinalStatus.known(rawValue) ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .completed: "COMPLETED"
        case .failed: "FAILED"
        case let .unknown(raw): raw
        }
    }
}
