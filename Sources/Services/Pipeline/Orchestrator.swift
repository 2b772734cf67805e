import Foundation
import Logging
import Messaging
import Payments

/// The orchestrator's logic without Kafka: routes each event to its payment's join in the shared
/// ``JoinStore``, fires due timers, and logs and counts alerts. ``OrchestratorService`` feeds it records;
/// tests feed it events on an injected clock.
public struct Orchestrator: Sendable {
    public let store: JoinStore
    /// Commits the updates of concurrent handlers together (one fsync per batch).
    let batcher: JoinBatcher
    let clock: any PipelineClock
    let timeout: TimeInterval
    /// How long after the deadline the timer waits for answers produced in time but not yet read.
    let lateAnswerGrace: TimeInterval
    let completionAlertAfter: TimeInterval
    let recipientName: @Sendable (String) -> String?
    /// Writes the payment's lifecycle facts for `audit-trail`; nil publishes none (unit tests of the join).
    let trail: PaymentAuditTrail?
    let metrics: PipelineMetrics
    let logger: Logger

    public init(
        store: JoinStore, clock: any PipelineClock, timeout: Duration, lateAnswerGrace: Duration = .zero,
        completionAlertAfter: Duration, metrics: PipelineMetrics, logger: Logger, trail: PaymentAuditTrail? = nil,
        recipientName: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.trail = trail
        self.store = store
        self.batcher = JoinBatcher(store: store)
        self.clock = clock
        self.timeout = timeout.pipelineSeconds
        self.lateAnswerGrace = lateAnswerGrace.pipelineSeconds
        self.completionAlertAfter = completionAlertAfter.pipelineSeconds
        self.recipientName = recipientName
        self.metrics = metrics
        self.logger = logger
    }

    @discardableResult
    public func handle(request: PaymentRequest) async throws -> [OrchestratorEffect] {
        let name = recipientName(request.toMsisdn)
        return try await update(request.transactionId, .request(request)) { $0.receive(request: request, recipientName: name, now: $1) }
    }

    /// `producedAt`: when fraud published the answer, on this orchestrator's clock (nil: now).
    @discardableResult
    public func handle(fraud: FraudResult, producedAt: Date? = nil) async throws -> [OrchestratorEffect] {
        try await update(fraud.transactionId, .fraud(fraud)) { $0.receive(fraud: fraud, producedAt: producedAt, now: $1) }
    }

    @discardableResult
    public func handle(revenue: RevenueResult, producedAt: Date? = nil) async throws -> [OrchestratorEffect] {
        try await update(revenue.transactionId, .revenue(revenue)) { $0.receive(revenue: revenue, producedAt: producedAt, now: $1) }
    }

    @discardableResult
    public func handle(core: CoreResult, producedAt: Date? = nil) async throws -> [OrchestratorEffect] {
        try await update(core.transactionId, .core(core)) { $0.receive(core: core, producedAt: producedAt, now: $1) }
    }

    /// When a record was published, on this orchestrator's clock: the record's age (Kafka's CreateTime
    /// against the wall clock) back from the pipeline clock's now, so a shifted clock (the seed's 2024
    /// start) still compares correctly. Nil without a timestamp.
    public func producedAt(kafkaTimestampMilliseconds timestamp: Int64?, wallClock: Date = Date()) -> Date? {
        guard let timestamp, timestamp > 0 else { return nil }
        let age = max(0, wallClock.timeIntervalSince1970 - Double(timestamp) / 1000)
        return clock.now().addingTimeInterval(-age)
    }

    @discardableResult
    public func handle(completion: CoreCompletion) async throws -> [OrchestratorEffect] {
        try await update(completion.transactionId, .completion(completion)) { $0.receive(completion: completion, now: $1) }
    }

    /// Fires every due deadline (at start, and from the timer loop); returns the effects.
    @discardableResult
    public func fireDueTimers() async throws -> [OrchestratorEffect] {
        let now = clock.now()
        var effects: [OrchestratorEffect] = []
        let alertAfter = completionAlertAfter
        for transactionId in try await store.due(at: now) {
            effects += try await update(transactionId, .timer) { $0.tick(now: $1, completionAlertAfter: alertAfter) }
        }
        return effects
    }

    private func update(
        _ transactionId: TransactionID, _ observation: PaymentAuditTrail.Observation,
        _ body: @escaping @Sendable (inout PaymentJoin, Date) -> [OrchestratorEffect]
    ) async throws -> [OrchestratorEffect] {
        let now = clock.now()
        let trail = self.trail
        let effects = try await batcher.submit(JoinBatcher.Update(
            transactionId: transactionId, now: now, timeout: timeout, lateAnswerGrace: lateAnswerGrace,
            completionAlertAfter: completionAlertAfter
        ) { join in
            let verdictBefore = join.verdict
            let effects = body(&join, now)
            guard let trail else { return effects }
            return effects + trail.facts(
                for: observation, verdictBefore: verdictBefore, join: join, effects: effects, now: now)
        })
        for effect in effects {
            switch effect {
            case let .confirmation(confirmation):
                let firstSeen = try await store.join(transactionId)?.firstSeen ?? now
                PaymentKPIs.recordConfirmation(confirmation, firstSeen: firstSeen, now: now)
                logger.info("payment confirmed", metadata: [
                    "transactionId": "\(transactionId)", "finalStatus": "\(confirmation.finalStatus.rawValue)",
                    "reason": "\(confirmation.reason ?? "")",
                    "traceId": "\(TraceContext.payment(transactionId.value).traceID)",
                ])
            case let .command(command):
                logger.info("core command", metadata: [
                    "transactionId": "\(transactionId)", "command": "\(command.command.rawValue)",
                    "traceId": "\(TraceContext.payment(transactionId.value).traceID)",
                ])
            case let .alert(message):
                metrics.add(.missingCompletions)
                logger.error("ALERT \(message)")
            case let .deadLetter(envelope) where envelope.kind == .timeout:
                metrics.add(.timeouts)
                logger.warning("orchestrator: \(transactionId) timed out; parked for manual review")
            default:
                break
            }
        }
        return effects
    }
}
