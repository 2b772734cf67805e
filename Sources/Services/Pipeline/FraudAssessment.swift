import Foundation
import Payments

/// An engine's verdict, before it is dressed as the seed's `FraudResult`.
public struct FraudAssessment: Sendable, Hashable {
    public var score: Double
    public var decision: FraudDecision
    public var riskFactors: [String]
    public var fraudSystemId: String

    public init(score: Double, decision: FraudDecision, riskFactors: [String], fraudSystemId: String) {
        self.score = score
        self.decision = decision
        self.riskFactors = riskFactors
        self.fraudSystemId = fraudSystemId
    }
}

/// A fraud engine: the primary scorer or the backup rules. May throw (a remote model down, a bug), which
/// is what makes the service fail over.
public protocol FraudEngine: Sendable {
    func assess(_ request: PaymentRequest, history: SubscriberHistory, at time: Date) throws -> FraudAssessment
}
