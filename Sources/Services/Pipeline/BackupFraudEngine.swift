import Foundation
import Payments

/// The backup rules engine the seed asks for when the fraud system is unavailable: conservative because
/// it ignores history (it may be answering precisely because the history is unreachable). It approves
/// small payments with a fixed, elevated score and declines the rest, under its own `fraudSystemId`, so
/// every answer says which engine gave it.
public struct BackupFraudEngine: FraudEngine {
    public let rules: FraudRules.Backup

    public init(rules: FraudRules.Backup) {
        self.rules = rules
    }

    public func assess(_ request: PaymentRequest, history: SubscriberHistory, at time: Date) -> FraudAssessment {
        let small = request.amount.amount <= rules.maxAmount
        return FraudAssessment(
            score: small ? rules.approvedScore : rules.declinedScore, decision: small ? .approved : .declined,
            riskFactors: [rules.factor], fraudSystemId: rules.fraudSystemId)
    }
}
