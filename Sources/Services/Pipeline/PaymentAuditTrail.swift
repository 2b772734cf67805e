import Foundation
import Payments

/// Turns what the orchestrator saw and did into `audit-trail` facts: the request, each validation
/// answer, the decision, core's execution or release, the confirmation and any dead letter.
///
/// The orchestrator is the one service that sees every step of a payment, so it writes the lifecycle;
/// core writes the balance facts and the SMS sender the SMS facts. Every fact has the deterministic
/// id of (transaction, step), so a redelivered event yields the same fact and the archive stores it once.
/// Subscribers appear as tokens plus their sealed number, never as raw MSISDNs.
public struct PaymentAuditTrail: Sendable {
    /// What the orchestrator was handed.
    public enum Observation: Sendable {
        case request(PaymentRequest)
        case fraud(FraudResult)
        case revenue(RevenueResult)
        case core(CoreResult)
        case completion(CoreCompletion)
        case timer
    }

    /// The token and sealed form of a subscriber's number.
    public typealias PartyIdentity = @Sendable (MSISDN) -> (token: String, sealed: String)

    static let service = "payment-orchestrator"
    let identify: PartyIdentity

    public init(identify: @escaping PartyIdentity) {
        self.identify = identify
    }

    /// The facts of one step: `observation` was applied to a join that had `verdictBefore`, leaving
    /// `join` and producing `effects`.
    func facts(
        for observation: Observation, verdictBefore: PaymentJoin.Verdict?, join: PaymentJoin,
        effects: [OrchestratorEffect], now: Date
    ) -> [OrchestratorEffect] {
        var facts = observed(observation, now: now)
        if verdictBefore == nil, let verdict = join.verdict {
            let detail = verdict == .proceed ? "PROCEED" : "REJECT \(join.reason ?? "")"
            facts.append(fact(join.transactionId, .decision, at: now, detail: detail))
        }
        for effect in effects {
            switch effect {
            case let .confirmation(confirmation):
                let detail = [confirmation.finalStatus.rawValue, confirmation.reason].compactMap { $0 }.joined(separator: " ")
                facts.append(fact(join.transactionId, .confirmed, at: now, party: confirmation.fromMsisdn, detail: detail))
            case let .deadLetter(envelope):
                let missing = envelope.missingSystems.map { " missing " + $0.map(\.rawValue).joined(separator: ",") } ?? ""
                facts.append(fact(join.transactionId, .deadLettered, at: now, detail: envelope.kind.rawValue + missing))
            case .command, .audit, .alert:
                break
            }
        }
        return facts.map(OrchestratorEffect.audit)
    }

    private func observed(_ observation: Observation, now: Date) -> [AuditEvent] {
        switch observation {
        case let .request(request):
            let recipient = request.recipientMSISDN.map { identify($0).token } ?? request.toMsisdn
            let detail = "\(request.transactionType.rawValue) \(request.amount.formatted) to \(recipient)"
                + " via \(request.initiationChannel)" + (request.location.map { " at \($0)" } ?? "")
            return [fact(request.transactionId, .requested, at: request.timestamp, party: request.fromMsisdn,
                         service: request.initiationChannel.lowercased() + "-gateway", detail: detail)]
        case let .fraud(result):
            let factors = result.riskFactors.isEmpty ? "" : " factors " + result.riskFactors.joined(separator: ",")
            let detail = "\(result.decision.rawValue) score \(result.fraudScore)\(factors) in \(result.processingTime) ms"
            return [fact(result.transactionId, .fraudResult, at: now, service: result.fraudSystemId, detail: detail)]
        case let .revenue(result):
            let detail = "\(result.decision.rawValue) fee \(result.calculatedFee.formatted)"
                + (result.reasonCode.map { " \($0)" } ?? "")
            return [fact(result.transactionId, .revenueResult, at: now, service: "revenue-management", detail: detail)]
        case let .core(result) where result.coreStatus == .released:
            return [fact(result.transactionId, .released, at: now, service: "mpesa-core", detail: result.reservationId)]
        case let .core(result):
            let detail = [result.coreStatus.rawValue, result.reservationId, result.reasonCode].compactMap { $0 }
                .joined(separator: " ")
            return [fact(result.transactionId, .coreReserved, at: now, service: "mpesa-core", detail: detail)]
        case let .completion(completion):
            let detail = "debited \(completion.debitedAmount.formatted) credited \(completion.creditedAmount.formatted)"
                + " fee \(completion.transactionFee.formatted)"
            return [fact(completion.transactionId, .executed, at: completion.completionTime, service: "mpesa-core",
                         detail: detail)]
        case .timer:
            return []
        }
    }

    private func fact(
        _ transactionId: TransactionID, _ type: AuditEventType, at time: Date, party: MSISDN? = nil,
        service: String = PaymentAuditTrail.service, detail: String?
    ) -> AuditEvent {
        let identity = party.map(identify)
        return AuditEvent(
            transactionId: transactionId, eventType: type, msisdn: identity?.token, msisdnSealed: identity?.sealed,
            timestamp: time, service: service, detail: detail,
            eventId: EventID.audit(transactionId, type, msisdn: nil))
    }
}
