/// What an `audit-trail` record reports: the seed's balance events plus the lifecycle of a payment.
public enum AuditEventType: OpenEnum {
    case balanceDebited
    case balanceCredited
    case requested
    case fraudResult
    case revenueResult
    case coreReserved
    case decision
    case executed
    case released
    case confirmed
    case smsSubmitted
    case smsDelivered
    case deadLettered
    /// A value this build does not know; kept verbatim so that it can be rejected or relayed.
    case unknown(String)

    public static let knownCases: [AuditEventType] = [.balanceDebited, .balanceCredited, .requested, .fraudResult, .revenueResult, .coreReserved, .decision, .executed, .released, .confirmed, .smsSubmitted, .smsDelivered, .deadLettered]

    public init(rawValue: String) {
        self = AuditEventType.known(rawValue) ?? .unknown(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .balanceDebited: "BALANCE_DEBITED"
        case .balanceCredited: "BALANCE_CREDITED"
        case .requested: "REQUESTED"
        case .fraudResult: "FRAUD_RESULT"
        case .revenueResult: "REVENUE_RESULT"
        case .coreReserved: "CORE_RESERVED"
        case .decision: "DECISION"
        case .executed: "EXECUTED"
        case .released: "RELEASED"
        case .confirmed: "CONFIRMED"
        case .smsSubmitted: "SMS_SUBMITTED"
        case .smsDelivered: "SMS_DELIVERED"
        case .deadLettered: "DEAD_LETTERED"
        case let .unknown(raw): raw
        }
    }
}
