import Foundation
import Payments

/// The orchestrator's join of one payment, as a pure state machine: the request's facts, the first
/// answer of each system, the decision and what was sent. Each `receive` applies the ``DecisionMatrix``
/// (reject on the first DECLINED, FAILED or unknown answer; PROCEED on three positives) and returns the
/// effects; ``tick(now:completionAlertAfter:)`` fires the deadline. Stored as JSON in the shared join
/// store, so any instance can continue any payment.
///
/// Rules beyond the seed's table: the first answer per (transaction, system) wins; every REJECT
/// releases any reservation, including a RESERVED that arrives after the decision; a missing answer at
/// the deadline declines, releases and parks a TIMEOUT on `payment-dlq`; once EXECUTE is sent nothing
/// times out (a missing COMPLETED only raises an alert); exactly one confirmation per payment.
public struct PaymentJoin: Sendable, Hashable, Codable {
    /// What the orchestrator keeps of the request, for the confirmation.
    public struct RequestFacts: Sendable, Hashable, Codable {
        public var fromMsisdn: MSISDN
        public var toMsisdn: String
        public var amount: Money
        public var transactionType: TransactionType
        public var recipientName: String?
    }

    /// The verdict, stored.
    public enum Verdict: String, Sendable, Hashable, Codable {
        case proceed = "PROCEED"
        case reject = "REJECT"
    }

    public let transactionId: TransactionID
    /// When the orchestrator first saw the payment (request or any answer): the clock starts here.
    public let firstSeen: Date
    /// Every answer must have been produced by now (the seed's 5 seconds after ``firstSeen``).
    public let deadline: Date
    /// When the timer declines a payment still missing answers: the deadline plus the grace for
    /// answers produced in time but read late (this orchestrator instance was down, or its group was
    /// rebalancing). Nil in joins stored before the grace existed: the deadline itself.
    public let timesOutAt: Date?
    public var request: RequestFacts?
    public var fraud: FraudDecision?
    public var revenue: RevenueDecision?
    public var fee: Money?
    public var core: CoreStatus?
    public var reservationId: String?
    public var verdict: Verdict?
    /// The ``ReasonCode`` of a REJECT.
    public var reason: String?
    /// Why revenue declined or core failed, as they said it (e.g. INSUFFICIENT_FUNDS): the confirmation
    /// names this rather than the generic REVENUE_DECLINED, so the subscriber's SMS can say what went wrong.
    public var revenueReason: String?
    public var coreReason: String?
    public var releaseSent = false
    public var executeSent = false
    public var completion: CoreCompletion?
    public var confirmationSent = false
    public var completionAlerted = false

    public init(transactionId: TransactionID, firstSeen: Date, timeout: TimeInterval, lateAnswerGrace: TimeInterval = 0) {
        self.transactionId = transactionId
        self.firstSeen = firstSeen
        self.deadline = firstSeen.addingTimeInterval(timeout)
        self.timesOutAt = lateAnswerGrace > 0 ? deadline.addingTimeInterval(lateAnswerGrace) : nil
    }

    /// When the timer acts on an undecided payment.
    var timeoutFiresAt: Date { timesOutAt ?? deadline }

    public mutating func receive(request value: PaymentRequest, recipientName: String? = nil, now: Date) -> [OrchestratorEffect] {
        if request == nil {
            request = RequestFacts(
                fromMsisdn: value.fromMsisdn, toMsisdn: value.toMsisdn, amount: value.amount,
                transactionType: value.transactionType, recipientName: recipientName)
        }
        return settle(now: now)
    }

    /// `producedAt` is when the system published its answer (nil: `now`). An answer produced after the
    /// deadline is too late whenever it is read: the payment times out first, as if the timer had fired.
    public mutating func receive(fraud value: FraudResult, producedAt: Date? = nil, now: Date) -> [OrchestratorEffect] {
        guard fraud == nil else { return [] }
        let late = timeOutIfLate(producedAt ?? now, now: now)
        fraud = value.decision
        return late + settle(now: now)
    }

    public mutating func receive(revenue value: RevenueResult, producedAt: Date? = nil, now: Date) -> [OrchestratorEffect] {
        guard revenue == nil else { return [] }
        let late = timeOutIfLate(producedAt ?? now, now: now)
        revenue = value.decision
        revenueReason = value.reasonCode
        fee = value.calculatedFee
        return late + settle(now: now)
    }

    /// Core's answer to the request. A RELEASED acknowledgement is not an answer and is ignored.
    public mutating func receive(core value: CoreResult, producedAt: Date? = nil, now: Date) -> [OrchestratorEffect] {
        guard core == nil, value.coreStatus != .released else { return [] }
        let late = timeOutIfLate(producedAt ?? now, now: now)
        core = value.coreStatus
        coreReason = value.reasonCode
        reservationId = value.reservationId
        if verdict == .reject, value.coreStatus == .reserved {
            // Decided before core answered: whatever it reserved goes back, naming the reservation now.
            releaseSent = true
            return late + [.command(release(now: now))]
        }
        return late + settle(now: now)
    }

    public mutating func receive(completion value: CoreCompletion, now: Date) -> [OrchestratorEffect] {
        guard completion == nil, verdict == .proceed else { return [] }
        completion = value
        return settle(now: now)
    }

    /// Fires the deadline: an undecided payment is declined (TIMEOUT), released and parked; an executed
    /// one whose COMPLETED is late raises one alert.
    public mutating func tick(now: Date, completionAlertAfter: TimeInterval) -> [OrchestratorEffect] {
        if verdict == nil, now >= timeoutFiresAt { return timeOut(now: now) }
        if verdict == .proceed, completion == nil, !completionAlerted,
           now >= deadline.addingTimeInterval(completionAlertAfter) {
            completionAlerted = true
            return [.alert("EXECUTE sent for \(transactionId) but no COMPLETED after \(Int(completionAlertAfter)) s")]
        }
        return []
    }

    /// When the timer loop must look at this payment next, or nil when it never needs to.
    public func nextTimer(completionAlertAfter: TimeInterval) -> Date? {
        switch verdict {
        case nil: timeoutFiresAt
        case .proceed where completion == nil && !completionAlerted: deadline.addingTimeInterval(completionAlertAfter)
        default: nil
        }
    }

    /// The final status once the payment is decided (COMPLETED needs core's completion).
    public var finalStatus: FinalStatus? {
        switch verdict {
        case .reject: .failed
        case .proceed: completion == nil ? nil : .completed
        case nil: nil
        }
    }

    /// Declines a payment still missing answers (TIMEOUT), releases and parks it.
    private mutating func timeOut(now: Date) -> [OrchestratorEffect] {
        let decision = DecisionMatrix.onTimeout(fraud: fraud, revenue: revenue, core: core)
        guard case let .reject(reason) = decision, case let .timeout(missing) = reason else { return settle(now: now) }
        var effects = reject(reason, now: now)
        effects.append(.deadLetter(.timeout(transactionId: transactionId, missing: missing, at: now, service: "payment-orchestrator")))
        return effects + confirm(now: now)
    }

    private mutating func timeOutIfLate(_ producedAt: Date, now: Date) -> [OrchestratorEffect] {
        guard verdict == nil, producedAt > deadline else { return [] }
        return timeOut(now: now)
    }

    private mutating func settle(now: Date) -> [OrchestratorEffect] {
        var effects: [OrchestratorEffect] = []
        if verdict == nil {
            switch DecisionMatrix.decide(fraud: fraud, revenue: revenue, core: core) {
            case .proceed:
                verdict = .proceed
                executeSent = true
                effects.append(.command(CoreCommand(
                    command: .execute, transactionId: transactionId, reservationId: reservationId, issuedAt: now)))
            case let .reject(reason):
                effects += reject(reason, now: now)
            case .waiting:
                break
            }
        }
        return effects + confirm(now: now)
    }

    private mutating func reject(_ reason: RejectReason, now: Date) -> [OrchestratorEffect] {
        verdict = .reject
        switch reason {
        case .revenueDeclined: self.reason = revenueReason ?? reason.code
        case .coreFailed: self.reason = coreReason ?? reason.code
        default: self.reason = reason.code
        }
        // A FAILED core reserved nothing; in every other case something may be (or become) held.
        guard core != .failed else { return [] }
        releaseSent = true
        return [.command(release(now: now))]
    }

    private func release(now: Date) -> CoreCommand {
        CoreCommand(command: .release, transactionId: transactionId, reservationId: reservationId, issuedAt: now, reason: reason)
    }

    /// The one confirmation, once the outcome and the parties are known.
    private mutating func confirm(now: Date) -> [OrchestratorEffect] {
        guard !confirmationSent else { return [] }
        switch verdict {
        case .proceed:
            guard let completion else { return [] }
            guard let from = request?.fromMsisdn ?? (try? MSISDN(parsing: completion.debitAccount)) else { return [] }
            confirmationSent = true
            return [.confirmation(PaymentConfirmation(
                transactionId: transactionId, finalStatus: .completed, fromMsisdn: from,
                toMsisdn: request?.toMsisdn ?? completion.creditAccount, amount: completion.creditedAmount,
                fee: completion.transactionFee, completionTime: completion.completionTime,
                transactionType: request?.transactionType, senderNewBalance: completion.senderNewBalance,
                recipientName: request?.recipientName))]
        case .reject:
            guard let request else { return [] }
            confirmationSent = true
            return [.confirmation(PaymentConfirmation(
                transactionId: transactionId, finalStatus: .failed, fromMsisdn: request.fromMsisdn,
                toMsisdn: request.toMsisdn, amount: request.amount, fee: fee ?? .zero, completionTime: now,
                transactionType: request.transactionType, reason: reason))]
        case nil:
            return []
        }
    }
}
