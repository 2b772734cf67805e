import Payments

/// A validation answer reduced to what the dashboard counts.
enum Outcome: Sendable, Hashable {
    /// Lets the payment proceed: APPROVED, or RESERVED from core.
    case succeeded
    /// Stops it: DECLINED, or FAILED from core.
    case failed
    /// The fraud system wants a person to look (REVIEW).
    case review
    /// A value this build does not know.
    case unknown

    /// The seed names REVIEW among fraud's answers, though ``FraudDecision`` has no case for it yet.
    static let reviewDecision = "REVIEW"

    init(_ decision: FraudDecision) {
        switch decision {
        case .approved: self = .succeeded
        case .declined: self = .failed
        case let .unknown(raw): self = raw == Outcome.reviewDecision ? .review : .unknown
        }
    }

    init(_ decision: RevenueDecision) {
        switch decision {
        case .approved: self = .succeeded
        case .declined: self = .failed
        case .unknown: self = .unknown
        }
    }

    /// Only RESERVED and FAILED answer a request; anything else here is not an answer we understand.
    init(_ status: CoreStatus) {
        switch status {
        case .reserved: self = .succeeded
        case .failed: self = .failed
        default: self = .unknown
        }
    }
}
