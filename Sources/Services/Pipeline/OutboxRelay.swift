import Foundation
import Ledger
import Logging
import Messaging
import Payments

/// Publishes the ledger's outbox: every event a ledger change caused was written in the same database
/// transaction, and leaves only through here, oldest first, marked published once Kafka acknowledged it.
///
/// One drain at a time (``SingleFlight``): a handler may return before its rows are out, which is safe
/// because they are durable in the outbox. A crash between publishing and marking republishes rows with
/// their deterministic `eventId`s, which consumers drop.
actor OutboxRelay {
    private let ledger: LedgerDatabase
    private let publisher: any EventPublishing
    private let batchSize: Int
    private let logger: Logger
    private let gate = SingleFlight()

    init(ledger: LedgerDatabase, publisher: any EventPublishing, batchSize: Int, logger: Logger) {
        self.ledger = ledger
        self.publisher = publisher
        self.batchSize = max(1, batchSize)
        self.logger = logger
    }

    /// Publishes until the outbox is empty, or asks the running drain for another round.
    func flush() async throws {
        try await gate.run { try await self.drain() }
    }

    private func drain() async throws {
        while true {
            let pending = try ledger.pendingOutbox(limit: batchSize)
            guard !pending.isEmpty else { return }
            let (published, firstError) = await publisher.relay(pending.map { message in
                (message.id, OutgoingEvent(
                    topic: message.topic, key: message.key, value: Array(message.value),
                    trace: TraceContext.payment(message.transactionId)))
            })
            if !published.isEmpty { try ledger.markPublished(ids: published) }
            if let firstError { throw firstError }
            if pending.count < batchSize { return }
        }
    }

    /// Flushes every `interval` until cancelled (publishing what a crashed predecessor left behind),
    /// and beside that runs the rounds handlers ask for while a drain runs (see ``SingleFlight``).
    func runPeriodically(every interval: Duration) async {
        let logger = logger
        await withDiscardingTaskGroup { group in
            group.addTask { await self.gate.work({ try await self.drain() }, failed: { logger.warning("outbox relay: \($0)") }) }
            while !Task.isCancelled {
                do { try await flush() } catch { logger.warning("outbox relay: \(error)") }
                try? await Task.sleep(for: interval)
            }
            group.cancelAll()
        }
    }
}
