import Foundation
import Kafka
import Ledger
import Logging
import Messaging
import Payments
import ServiceLifecycle

/// The seed's step 3c and step 5: `mpesa-core-cg` reads `payment-requests` (reserve amount + fee) and the
/// orchestrator's EXECUTE/RELEASE commands on `core-processing`; it skips the results on that topic, which
/// are the orchestrator's. The ledger stores each answer with its events in one transaction (idempotent by
/// (transactionId, step)); this service only drives it and relays the outbox: RESERVED/FAILED/RELEASED and
/// COMPLETED to `core-processing` keyed by `transactionId`, BALANCE_DEBITED/CREDITED to `audit-trail` keyed
/// by `eventId`. A handler returns (and its offset is committed) only after its events were published.
public final class CoreService: Service, Sendable {
    public static let consumerGroup = ConsumerGroupSpec.mpesaCore

    let consumer: KafkaConsumer
    let ledger: LedgerDatabase
    let tariff: TariffTable
    let relay: OutboxRelay
    let recordGuard: RecordGuard
    let clock: any PipelineClock
    let logger: Logger

    init(
        consumer: KafkaConsumer, publisher: any EventPublishing, ledger: LedgerDatabase, tariff: TariffTable,
        outboxBatchSize: Int, recordGuard: RecordGuard, clock: any PipelineClock, logger: Logger
    ) {
        self.consumer = consumer
        self.ledger = ledger
        self.tariff = tariff
        self.relay = OutboxRelay(ledger: ledger, publisher: publisher, batchSize: outboxBatchSize, logger: logger)
        self.recordGuard = recordGuard
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        let relay = self.relay
        await ConsumerLoop.run(consumer, background: [{ await relay.runPeriodically(every: .seconds(1)) }]) {
            [self] record in
            try await recordGuard.handle(record) { try await self.process($0) }
        }
    }

    func process(_ record: ConsumerRecord) async throws {
        let now = clock.now()
        switch record.topic {
        case Topic.paymentRequests.name:
            let request = try record.decodeEvent(PaymentRequest.self)
            // Out of every band: fee 0, and the ledger's limit check (or INVALID_AMOUNT) declines it.
            let fee = tariff.fee(for: request.amount, type: request.transactionType) ?? .zero
            _ = try await ledger.reserve(request: request, fee: fee, limits: tariff.tierLimits, now: now, arrivedAt: now)
        case Topic.coreProcessing.name:
            guard case let .command(command) = try CoreProcessingRecord.decode(from: Data(record.value)) else {
                return  // results and completions belong to the orchestrator
            }
            switch command.command {
            case .execute:
                if case let .failed(reason) = try await ledger.execute(transactionId: command.transactionId, now: now) {
                    logger.error("core: EXECUTE \(command.transactionId) posted nothing: \(reason)")
                }
            case .release:
                _ = try await ledger.release(transactionId: command.transactionId, reason: command.reason, now: now)
            case let .unknown(kind):
                throw PipelineError.poison("unknown core command \(kind)")
            }
        default:
            return
        }
        try await relay.flush()
    }
}
