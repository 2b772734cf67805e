import Foundation
import Messaging
import Payments

/// The fraud service's work on one decoded request, without Kafka: answer from the store if the request
/// was seen, else assess (primary or backup), store, then publish. Separate from ``FraudService`` so it
/// is tested without a broker.
public struct FraudProcessor: Sendable {
    static let step = "fraud"

    let publisher: any EventPublishing
    let answers: AnswerStore
    public let failover: FraudFailover
    let histories: FraudHistoryBook
    let metrics: PipelineMetrics
    let clock: any PipelineClock

    public init(
        publisher: any EventPublishing, answers: AnswerStore, failover: FraudFailover, historyLimit: Int,
        metrics: PipelineMetrics, clock: any PipelineClock
    ) {
        self.publisher = publisher
        self.answers = answers
        self.failover = failover
        self.histories = FraudHistoryBook(limit: historyLimit)
        self.metrics = metrics
        self.clock = clock
    }

    /// Answers `request` on `fraud-analysis`; returns the published answer.
    @discardableResult
    public func process(_ request: PaymentRequest, trace: TraceContext? = nil) async throws -> FraudResult {
        let txn = request.transactionId.value
        if let stored = try await answers.answer(transactionId: txn, step: Self.step) {
            metrics.add(.republished)
            return try await publish(stored, key: txn, trace: trace)
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
        if stored == encoded {
            await histories.record(request, at: request.timestamp)
            PaymentKPIs.recordFraud(result.decision)
        }
        return try await publish(stored, key: txn, trace: trace)
    }

    private func publish(_ bytes: Data, key: String, trace: TraceContext?) async throws -> FraudResult {
        try await publisher.emit(OutgoingEvent(topic: .fraudAnalysis, key: key, value: Array(bytes), trace: trace))
        return try EventCoding.decode(FraudResult.self, from: bytes)
    }
}
