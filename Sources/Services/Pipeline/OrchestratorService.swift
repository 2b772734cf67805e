import Foundation
import Kafka
import Logging
import Messaging
import Payments
import ServiceLifecycle

/// The seed's steps 4 to 6: `payment-orchestrator-cg` reads the three result topics and, as PesaGate's
/// extension of the seed's table, `payment-requests`, so the 5-second clock starts when the payment is
/// first seen even if all three systems stall. It joins by `transactionId` in the shared ``JoinStore``,
/// decides by the ``DecisionMatrix``, and publishes EXECUTE/RELEASE on `core-processing`, the final
/// `payment-confirmations` event and TIMEOUT dead letters. Effects are stored before they are
/// published and before the offset is committed; a timer loop (and the start) fires due deadlines.
public final class OrchestratorService: Service, Sendable {
    public static let consumerGroup = ConsumerGroupSpec.paymentOrchestrator

    let consumer: KafkaConsumer
    public let orchestrator: Orchestrator
    let relay: EffectRelay
    let recordGuard: RecordGuard
    let timerInterval: Duration
    let logger: Logger

    init(
        consumer: KafkaConsumer, orchestrator: Orchestrator, publisher: any EventPublishing, recordGuard: RecordGuard,
        timerInterval: Duration, clock: any PipelineClock, logger: Logger
    ) {
        self.consumer = consumer
        self.orchestrator = orchestrator
        self.relay = EffectRelay(store: orchestrator.store, publisher: publisher, clock: clock)
        self.recordGuard = recordGuard
        self.timerInterval = timerInterval
        self.logger = logger
    }

    public func run() async throws {
        let logger = logger
        await ConsumerLoop.run(consumer, background: [
            { [self] in await timerLoop() },
            { [self] in await relay.work(failed: { logger.warning("orchestrator relay: \($0)") }) },
        ]) { [self] record in
            try await recordGuard.handle(record) { try await self.process($0) }
        }
    }

    /// Fires overdue deadlines at once (the ones a stopped predecessor left), then every tick.
    func timerLoop() async {
        while !Task.isCancelled {
            do {
                try await orchestrator.fireDueTimers()
                try await relay.flush()
            } catch {
                logger.warning("orchestrator timer: \(error)")
            }
            try? await Task.sleep(for: timerInterval)
        }
    }

    func process(_ record: ConsumerRecord) async throws {
        let producedAt = orchestrator.producedAt(kafkaTimestampMilliseconds: record.timestampMilliseconds)
        switch record.topic {
        case Topic.paymentRequests.name:
            try await orchestrator.handle(request: record.decodeEvent(PaymentRequest.self))
        case Topic.fraudAnalysis.name:
            try await orchestrator.handle(fraud: record.decodeEvent(FraudResult.self), producedAt: producedAt)
        case Topic.revenueValidation.name:
            try await orchestrator.handle(revenue: record.decodeEvent(RevenueResult.self), producedAt: producedAt)
        case Topic.coreProcessing.name:
            switch try CoreProcessingRecord.decode(from: Data(record.value)) {
            case let .result(result): try await orchestrator.handle(core: result, producedAt: producedAt)
            case let .completion(completion): try await orchestrator.handle(completion: completion)
            case .command, .unknown: return  // core's commands, or nobody's
            }
        default:
            return
        }
        try await relay.flush()
    }
}
