import Foundation
import Payments

/// The primary fraud engine: a pure function of the request, the sender's own history and the rules.
/// Each signal that fires adds its weight and names its factor; the score is capped at 1 and rounded to
/// two decimals (as the seed writes `0.23`).
public struct FraudScorer: FraudEngine {
    public let rules: FraudRules

    public init(rules: FraudRules) {
        self.rules = rules
    }

    public func assess(_ request: PaymentRequest, history: SubscriberHistory, at time: Date) -> FraudAssessment {
        var score = 0.0
        var factors: [String] = []
        func fire(_ weight: Double, _ factor: String) {
            score += weight
            if !factors.contains(factor) { factors.append(factor) }
        }
        let amount = request.amount.amount
        for rule in rules.velocity {
            let recent = history.payments.filter { time.timeIntervalSince($0.time) < rule.windowSeconds }
            if let maxCount = rule.maxCount, recent.count + 1 > maxCount { fire(rule.weight, rule.factor) }
            if let maxAmount = rule.maxAmount, recent.reduce(amount, { $0 + $1.amount }) > maxAmount {
                fire(rule.weight, rule.factor)
            }
        }
        if let device = request.deviceId {
            if !history.devices.contains(device) { fire(rules.newDevice.weight, rules.newDevice.factor) }
        } else if rules.missingDevice.weight > 0 {
            fire(rules.missingDevice.weight, rules.missingDevice.factor)
        }
        // A first payment has no "usual" recipients: only a known sender's new payee is a signal.
        if !history.payments.isEmpty, !history.recipients.contains(request.toMsisdn) {
            fire(rules.newRecipient.weight, rules.newRecipient.factor)
        }
        if isUnusual(time) { fire(rules.unusualHours.weight, rules.unusualHours.factor) }
        let anomaly = rules.amountAnomaly
        if history.payments.count >= anomaly.minimumHistory {
            let average = Double(history.payments.reduce(0) { $0 + $1.amount }) / Double(history.payments.count)
            if Double(amount) > anomaly.multiplier * average { fire(anomaly.weight, anomaly.factor) }
        }
        let rounded = (min(score, 1) * 100).rounded() / 100
        return FraudAssessment(
            score: rounded, decision: rounded >= rules.declineThreshold ? .declined : .approved,
            riskFactors: factors, fraudSystemId: rules.fraudSystemId)
    }

    /// Whether `time` falls in the configured unusual local hours.
    func isUnusual(_ time: Date) -> Bool {
        let window = rules.unusualHours
        let local = time.timeIntervalSince1970 + window.utcOffsetHours * 3_600
        let hour = Int((local / 3_600).rounded(.down)) % 24
        let positive = hour < 0 ? hour + 24 : hour
        if window.startHour <= window.endHour { return positive >= window.startHour && positive < window.endHour }
        return positive >= window.startHour || positive < window.endHour
    }
}
