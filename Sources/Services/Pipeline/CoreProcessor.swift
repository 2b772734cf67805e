import Foundation
import Ledger
import Logging
import Payments

/// Core's work on one record, without Kafka: a request reserves (amount + fee from the tariff, limits
/// from the tier table), an EXECUTE posts, a RELEASE frees (or leaves a tombstone for a request not yet
/// seen); results and completions on `core-processing` are the orchestrator's and are skipped. The
/// ledger stores each answer with its events (outbox) in one transaction and is idempotent by
/// (transactionId, step), so a redelivery re-arms the stored events instead of acting twice. Operations
/// of concurrent handlers (one per partition) share write transactions (``LedgerBatcher``).
public struct CoreProcessor: Sendable {
    let ledger: LedgerDatabase
    let tariff: TariffTable
    let relay: OutboxRelay
    let batcher: LedgerBatcher
    let clock: any PipelineClock
    let logger: Logger

    public init(
        ledger: LedgerDatabase, tariff: TariffTable, publisher: any EventPublishing, outboxBatchSize: Int = 500,
        clock: any PipelineClock, logger: Logger
    ) {
        self.ledger = ledger
        self.tariff = tariff
        self.relay = OutboxRelay(ledger: ledger, publisher: publisher, batchSize: outboxBatchSize, logger: logger)
        self.batcher = LedgerBatcher(ledger: ledger, clock: clock)
        self.clock = clock
        self.logger = logger
    }

    /// Reserves for `request` and publishes the answer (RESERVED or FAILED).
    public func handle(request: PaymentRequest) async throws {
        let now = clock.now()
        // Outside every band: fee 0, and the ledger's limit or amount check declines it.
        let fee = tariff.fee(for: request.amount, type: request.transactionType) ?? .zero
        _ = try await batcher.submit(.reserve(request, fee: fee, limits: tariff.tierLimits, arrivedAt: now))
        try await relay.flush()
    }

    /// Acts on a `core-processing` record if it is a command; skips every other kind.
    public func handle(coreProcessing value: Data) async throws {
        guard case let .command(command) = try CoreProcessingRecord.decode(from: value) else { return }
        switch command.command {
        case .execute:
            if case .execute(.failed(let reason)) = try await batcher.submit(.execute(command.transactionId)) {
                logger.error("core: EXECUTE \(command.transactionId) posted nothing: \(reason)")
            }
        case .release:
            _ = try await batcher.submit(.release(command.transactionId, reason: command.reason))
        case let .unknown(kind):
            throw PipelineError.poison("unknown core command \(kind)")
        }
        try await relay.flush()
    }

    /// Publishes whatever the outbox holds (at start, and periodically: a crashed predecessor's rows).
    func flushPeriodically(every interval: Duration) async {
        await relay.runPeriodically(every: interval)
    }
}
