import Foundation
import Ledger
import Messaging
import Payments

/// The revenue service's work on one decoded request, without Kafka: answer from the store if the
/// request was seen, else read the ledger's posted state and evaluate, store, then publish.
public struct RevenueProcessor: Sendable {
    static let step = "revenue"

    let publisher: any EventPublishing
    let answers: AnswerStore
    let ledger: LedgerDatabase
    let evaluator: RevenueEvaluator
    let metrics: PipelineMetrics
    let clock: any PipelineClock

    public init(
        publisher: any EventPublishing, answers: AnswerStore, ledger: LedgerDatabase, tariff: TariffTable,
        metrics: PipelineMetrics, clock: any PipelineClock
    ) {
        self.publisher = publisher
        self.answers = answers
        self.ledger = ledger
        self.evaluator = RevenueEvaluator(tariff: tariff)
        self.metrics = metrics
        self.clock = clock
    }

    /// Answers `request` on `revenue-validation`; returns the published answer.
    @discardableResult
    public func process(_ request: PaymentRequest, trace: TraceContext? = nil) async throws -> RevenueResult {
        let txn = request.transactionId.value
        let bytes: Data
        if let stored = try await answers.answer(transactionId: txn, step: Self.step) {
            metrics.add(.republished)
            bytes = stored
        } else {
            let now = clock.now()
            bytes = try await answers.store(
                try EventCoding.encode(try evaluate(request, now: now)), transactionId: txn, step: Self.step, at: now)
        }
        try await publisher.emit(OutgoingEvent(topic: .revenueValidation, key: txn, value: Array(bytes), trace: trace))
        return try EventCoding.decode(RevenueResult.self, from: bytes)
    }

    /// Reads the sender's posted state (never this payment's own hold) and the recipient, and evaluates.
    public func evaluate(_ request: PaymentRequest, now: Date) throws -> RevenueResult {
        let sender = try ledger.spendingSnapshot(of: request.fromMsisdn, excluding: request.transactionId, now: now)
        let recipient: RevenueEvaluator.Recipient
        if request.transactionType == .p2pTransfer {
            if let msisdn = request.recipientMSISDN, let subscriber = try ledger.subscriber(msisdn) {
                recipient = .customer(balance: subscriber.balance, kycTier: subscriber.kycTier)
            } else {
                recipient = .unknown
            }
        } else {
            recipient = .uncapped
        }
        return evaluator.evaluate(request, sender: sender, recipient: recipient)
    }
}
