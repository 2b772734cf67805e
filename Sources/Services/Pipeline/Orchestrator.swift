import Foundation
import Logging
import Payments

/// The orchestrator's logic without Kafka: routes each event to its payment's join in the shared
/// ``JoinStore``, fires due timers, and logs and counts alerts. ``OrchestratorService`` feeds it records;
/// tests feed it events on an injected clock.
public struct Orchestrator: Sendable {
    public let store: JoinStore
    let clock: any PipelineClock
    let timeout: TimeInterval
    let completionAlertAfter: TimeInterval
    let recipientName: @Sendable (String) -> String?
    let metrics: PipelineMetrics
    let logger: Logger

    public init(
        store: JoinStore, clock: any PipelineClock, timeout: Duration, completionAlertAfter: Duration,
        metrics: PipelineMetrics, logger: Logger, recipientName: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.store = store
        self.clock = clock
        self.timeout = timeout.pipelineSeconds
        self.completionAlertAfter = completionAlertAfter.pipelineSeconds
        self.recipientName = recipientName
        self.metrics = metrics
        self.logger = logger
    }

    @discardableResult
    public func handle(request: PaymentRequest) async throws -> [OrchestratorEffect] {
        let name = recipientName(request.toMsisdn)
        return try await update(request.transactionId) { $0.receive(request: request, recipientName: name, now: $1) }
    }

    @discardableResult
    public func handle(fraud: FraudResult) async throws -> [OrchestratorEffect] {
        try await update(fraud.transactionId) { $0.receive(fraud: fraud, now: $1) }
    }

    @discardableResult
    public func handle(revenue: RevenueResult) async throws -> [OrchestratorEffect] {
        try await update(revenue.transactionId) { $0.receive(revenue: revenue, now: $1) }
    }

    @discardableResult
    public func handle(core: CoreResult) async throws -> [OrchestratorEffect] {
        try await update(core.transactionId) { $0.receive(core: core, now: $1) }
    }

    @discardableResult
    public func handle(completion: CoreCompletion) async throws -> [OrchestratorEffect] {
        try await update(completion.transactionId) { $0.receive(completion: completion, now: $1) }
    }

    /// Fires every due deadline (at start, and from the timer loop); returns the effects.
    @discardableResult
    public func fireDueTimers() async throws -> [OrchestratorEffect] {
        let now = clock.now()
        var effects: [OrchestratorEffect] = []
        let alertAfter = completionAlertAfter
        for transactionId in try await store.due(at: now) {
            effects += try await update(transactionId) { $0.tick(now: $1, completionAlertAfter: alertAfter) }
        }
        return effects
    }

    private func update(
        _ transactionId: TransactionID, _ body: @escaping @Sendable (inout PaymentJoin, Date) -> [OrchestratorEffect]
    ) async throws -> [OrchestratorEffect] {
        let now = clock.now()
        let effects = try await store.update(
            transactionId, now: now, timeout: timeout, completionAlertAfter: completionAlertAfter) { body(&$0, now) }
        for effect in effects {
            switch effect {
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
