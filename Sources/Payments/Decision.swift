/// The orchestrator's verdict on a payment, from ``DecisionMatrix``.
public enum Decision: Sendable, Hashable {
    /// All three systems answered positively: send EXECUTE.
    case proceed
    /// Decline (and release any reservation).
    case reject(RejectReason)
    /// Not decidable yet: some answers are missing and none known is negative.
    case waiting
}

/// Why a payment was rejected: the first negative answer, or the systems that never answered.
public enum RejectReason: Sendable, Hashable, CustomStringConvertible {
    case fraudDeclined
    case revenueDeclined
    case coreFailed
    /// A system answered with a value this build does not know; unknown is never taken as yes.
    case unknownAnswer(ValidationSystem, String)
    /// These systems did not answer before the deadline.
    case timeout(missing: Set<ValidationSystem>)

    /// The ``ReasonCode`` for confirmations and audit.
    public var code: String {
        switch self {
        case .fraudDeclined: ReasonCode.fraudDeclined
        case .revenueDeclined: ReasonCode.revenueDeclined
        case .coreFailed: ReasonCode.coreFailed
        case .unknownAnswer: ReasonCode.unknownAnswer
        case .timeout: ReasonCode.timeout
        }
    }

    public var description: String {
        switch self {
        case .fraudDeclined, .revenueDeclined, .coreFailed: code
        case let .unknownAnswer(system, value): "\(code): \(system.rawValue) answered \"\(value)\""
        case let .timeout(missing):
            "\(code): no answer from \(ValidationSystem.ordered(missing).map(\.rawValue).joined(separator: ", "))"
        }
    }
}
