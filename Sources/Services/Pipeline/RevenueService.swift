import Foundation
import Kafka
import Ledger
import Messaging
import Payments
import ServiceLifecycle

/// The seed's step 3b: `revenue-management-cg` reads `payment-requests` and answers on
/// `revenue-validation` (keyed by `transactionId`): balance, daily limit and usage, fee and remaining
/// balance, from the ledger's posted state (`spendingSnapshot(of:excluding:)`, so the answer is the same
/// whether or not core reserved first). Answers are stored and republished on redelivery.
public final class RevenueService: Service, Sendable {
    public static let consumerGroup = ConsumerGroupSpec.revenueManagement
    static let step = "revenue"

    let consumer: KafkaConsumer
    let publisher: any EventPublishing
    let answers: AnswerStore
    let ledger: LedgerDatabase
    let evaluator: RevenueEvaluator
    let recordGuard: RecordGuard
    let metrics: PipelineMetrics
    let clock: any PipelineClock

    init(
        consumer: KafkaConsumer, publisher: any EventPublishing, answers: AnswerStore, ledger: LedgerDatabase,
        tariff: TariffTable, recordGuard: RecordGuard, metrics: PipelineMetrics, clock: any PipelineClock
    ) {
        self.consumer = consumer
        self.publisher = publisher
        self.answers = answers
        self.ledger = ledger
        self.evaluator = RevenueEvaluator(tariff: tariff)
        self.recordGuard = recordGuard
        self.metrics = metrics
        self.clock = clock
    }

    public func run() async throws {
        await ConsumerLoop.run(consumer) { [self] record in
            try await recordGuard.handle(record) { try await self.process($0) }
        }
    }

    func process(_ record: ConsumerRecord) async throws {
        let request = try record.decodeEvent(PaymentRequest.self)
        let txn = request.transactionId.value
        let trace = record.trace.child()
        if let stored = try await answers.answer(transactionId: txn, step: Self.step) {
            metrics.add(\.republished)
            try await publisher.emit(OutgoingEvent(topic: .revenueValidation, key: txn, value: Array(stored), trace: trace))
            return
        }
        let now = clock.now()
        let result = try evaluate(request, now: now)
        let stored = try await answers.store(
            try EventCoding.encode(result), transactionId: txn, step: Self.step, at: now)
        try await publisher.emit(OutgoingEvent(topic: .revenueValidation, key: txn, value: Array(stored), trace: trace))
    }

    /// Reads the ledger and evaluates; also used by tests through the service's factory.
    func evaluate(_ request: PaymentRequest, now: Date) throws -> RevenueResult {
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
