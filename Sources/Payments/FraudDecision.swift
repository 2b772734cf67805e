/// The fraud system's verdict (`decision` on `fraud-analysis`).
public enum FraudDecision: OpenEnum {
    case approved
    case declined
    /// A value this build does not know; kept verbatim so that it can be rejected or relayed.
    case unknown(String)

    public static let knownCases: [FraudDecision] = [.approved, .declined]

    public init(rawValue: String) {
        self = FraudDecision.known(rawValue) ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .approved: "APPROVED"
        case .declined: "DECLINED"
        case let .unknown(raw): raw
        }
    }
}
