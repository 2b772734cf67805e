import Foundation
import Kafka
import Logging
import Messaging
import Payments
import ServiceLifecycle

/// The seed's step 3a: `fraud-management-cg` reads `payment-requests` and answers on `fraud-analysis`
/// (keyed by `transactionId`). Every answer is stored before it is published, so a redelivered request
/// republishes the stored answer instead of being scored again against a history it already changed.
public final class FraudService: Service, Sendable {
    public static let consumerGroup = ConsumerGroupSpec.fraudManagement
    static let step = "fraud"

    let consumer: KafkaConsumer
    let publisher: any EventPublishing
    let answers: AnswerStore
    public let failover: FraudFailover
    let histories: FraudHistoryBook
    let recordGuard: RecordGuard
    let metrics: PipelineMetrics
    let clock: any PipelineClock

    init(
        consumer: KafkaConsumer, publisher: any EventPublishing, answers: AnswerStore, failover: FraudFailover,
        historyLimit: Int, recordGuard: RecordGuard, metrics: PipelineMetrics, clock: any PipelineClock
    ) {
        self.consumer = consumer
        self.publisher = publisher
        self.answers = answers
        self.failover = failover
        self.histories = FraudHistoryBook(limit: historyLimit)
        self.recordGuard = recordGuard
        self.metrics = metrics
        self.clock = clock
    }

    public func run() async throws {
        await ConsumerLoop.run(consumer) { [self] record in
            try await recordGuard.handle(record) { try await self.process($0) }
        }
    }

    /// Scores one request (or republishes its stored answer) and publishes the result.
    func process(_ record: ConsumerRecord) async throws {
        let request = try record.decodeEvent(PaymentRequest.self)
        let txn = request.transactionId.value
        let trace = record.trace.child()
        if let stored = try await answers.answer(transactionId: txn, step: Self.step) {
            metrics.add(\.republished)
            try await publisher.emit(OutgoingEvent(topic: .fraudAnalysis, key: txn, value: Array(stored), trace: trace))
            return
        }
        let arrived = clock.now()
        let history = await histories.history(of: request.fromMsisdn)
        // Behaviour is judged at the payment's own time, so a replayed backlog is scored as it happened.
        let assessment = try failover.assess(request, history: history, at: request.timestamp)
        let result = FraudResult(
            transactionId: request.transactionId, fraudScore: assessment.score, decision: assessment.decision,
            riskFactors: assessment.riskFactors,
            processingTime: Int64((clock.now().timeIntervalSince(arrived) * 1_000).rounded()),
            fraudSystemId: assessment.fraudSystemId)
        let encoded = try EventCoding.encode(result)
        let stored = try await answers.store(encoded, transactionId: txn, step: Self.step, at: arrived)
        if stored == encoded { await histories.record(request, at: request.timestamp) }
        try await publisher.emit(OutgoingEvent(topic: .fraudAnalysis, key: txn, value: Array(stored), trace: trace))
    }
}
