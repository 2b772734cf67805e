/// The revenue system's verdict (`decision` on `revenue-validation`).
public enum RevenueDecision: OpenEnum {
    case approved
    case declined
    /// A value this build does not know; kept verbatim so that it can be rejected or relayed.
    case unknown(String)

    public static let knownCases: [RevenueDecision] = [.approved, .declined]

    public init(rawValue: String) {
        self = RevenueDecision.known(rawValue) ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .approved: "APPROVED"
        case .declined: "DECLINED"
        case let .unknown(raw): raw
        }
    }
}
