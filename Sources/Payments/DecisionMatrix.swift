/// The orchestrator's decision matrix, as a pure function of the answers known so far.
///
/// The seed's table:
///
/// | Fraud | Revenue | Core | Decision |
/// |---|---|---|---|
/// | APPROVED | APPROVED | RESERVED | PROCEED |
/// | DECLINED | * | * | REJECT |
/// | APPROVED | DECLINED | * | REJECT |
/// | APPROVED | APPROVED | FAILED | REJECT |
///
/// completed for what it leaves open: a negative answer (DECLINED, FAILED) or an unknown one rejects as
/// soon as it is known, without waiting for the other systems, because nothing they say can turn it into
/// a PROCEED, and waiting would only hold the customer's reservation longer. PROCEED needs all three
/// answers positive; anything else is `waiting` until ``onTimeout(_:fraud:revenue:core:)`` settles it.
/// When several negatives are known at once, the reason names the first in the seed's order (fraud,
/// revenue, core), so the result does not depend on arrival order.
public enum DecisionMatrix {
    public static func decide(fraud: FraudDecision?, revenue: RevenueDecision?, core: CoreStatus?) -> Decision {
        switch fraud {
        case .declined: return .reject(.fraudDeclined)
        case let .unknown(value): return .reject(.unknownAnswer(.fraud, value))
        case .approved, nil: break
        }
        switch revenue {
        case .declined: return .reject(.revenueDeclined)
        case let .unknown(value): return .reject(.unknownAnswer(.revenue, value))
        case .approved, nil: break
        }
        switch core {
        case .failed: return .reject(.coreFailed)
        case .reserved, nil: break
        // COMPLETED or RELEASED cannot answer a request, and an unknown status is not a yes either.
        case let status?: return .reject(.unknownAnswer(.core, status.rawValue))
        }
        if fraud == .approved && revenue == .approved && core == .reserved {
            return .proceed
        }
        return .waiting
    }

    /// The decision once the deadline has passed: whatever ``decide(fraud:revenue:core:)`` says, except
    /// that `waiting` becomes a reject naming the systems that did not answer.
    public static func onTimeout(fraud: FraudDecision?, revenue: RevenueDecision?, core: CoreStatus?) -> Decision {
        let decision = decide(fraud: fraud, revenue: revenue, core: core)
        guard decision == .waiting else { return decision }
        var missing: Set<ValidationSystem> = []
        if fraud == nil { missing.insert(.fraud) }
        if revenue == nil { missing.insert(.revenue) }
        if core == nil { missing.insert(.core) }
        return .reject(.timeout(missing: missing))
    }
}
