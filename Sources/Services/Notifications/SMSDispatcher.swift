import Foundation
import Logging
import Messaging
import Payments
import SMPP
import Synchronization

/// Moves the outbox forward: sends queued rows through the ESME, records the SMSC's message ids and
/// receipts, expires stale rows, and publishes one delivery event per finished row.
///
/// Every step is a write to the outbox before or after the ESME call, never state in memory, so a
/// stop at any point leaves rows that the next start resumes (see ``SMSOutbox/recoverInFlight()``).
public final class SMSDispatcher: Sendable {
    /// Publishes a delivery event; returns once Kafka acknowledged it. The second argument is the
    /// confirmation's traceparent, if any.
    public typealias Publish = @Sendable (SMSDeliveryEvent, String?) async throws -> Void

    let outbox: SMSOutbox
    let router: SMSCRouter
    let configuration: NotificationConfiguration
    let publish: Publish
    let now: @Sendable () -> Date
    let logger: Logger
    private let stopped = Atomic<Bool>(false)

    public init(
        outbox: SMSOutbox, router: SMSCRouter, configuration: NotificationConfiguration,
        now: @escaping @Sendable () -> Date = Date.init, logger: Logger, publish: @escaping Publish
    ) {
        self.outbox = outbox
        self.router = router
        self.configuration = configuration
        self.now = now
        self.logger = logger
        self.publish = publish
    }

    /// A dispatcher over a single SMSC link.
    public convenience init(
        outbox: SMSOutbox, esme: ESMEClient, configuration: NotificationConfiguration,
        now: @escaping @Sendable () -> Date = Date.init, logger: Logger, publish: @escaping Publish
    ) {
        self.init(outbox: outbox, router: SMSCRouter(single: esme, logger: logger), configuration: configuration,
                  now: now, logger: logger, publish: publish)
    }

    /// At start, before the links bind: rows that were in flight at the last stop go back to the queue
    /// (resent byte-identical, counted), and each link learns which parts it accepted before the stop
    /// still wait for a receipt, so those receipts match when they arrive. Returns how many rows were
    /// requeued.
    @discardableResult
    public func recoverAfterRestart() async throws -> Int {
        let resent = try await outbox.recoverInFlight()
        await router.expectReceipts(try await outbox.awaitingReceipts())
        return resent
    }

    /// Sends until ``stop()`` or cancellation: claims a batch and queues it on the links while up to
    /// ``NotificationConfiguration/batchesInFlight`` earlier batches still wait for their answers (so
    /// the send window never runs dry between batches), and beside that expires stale rows and
    /// publishes finished ones.
    public func runSender() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.runHousekeeping() }
            await self.runBatches()
        }
    }

    private var isStopped: Bool { Task.isCancelled || stopped.load(ordering: .acquiring) }

    private func runBatches() async {
        await withTaskGroup(of: Void.self) { batches in
            var inFlight = 0
            while !isStopped {
                do {
                    if let started = try await startBatch() {
                        batches.addTask { await self.finish(started) }
                        inFlight += 1
                        if inFlight < configuration.batchesInFlight { continue }
                    } else if inFlight == 0 {
                        try? await Task.sleep(for: configuration.pollInterval)
                        continue
                    }
                } catch {
                    logger.error("SMS outbox claim failed", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: configuration.pollInterval)
                    continue
                }
                await batches.next()
                inFlight -= 1
            }
        }
    }

    /// Expires stale rows (at most once a second: a scan the age limit does not need more often) and
    /// publishes finished rows, sleeping only when there was nothing to publish.
    private func runHousekeeping() async {
        var lastExpiry = ContinuousClock.now - .seconds(1)
        while !isStopped {
            do {
                if ContinuousClock.now - lastExpiry >= .seconds(1) {
                    try await outbox.expireStale(now: now())
                    lastExpiry = .now
                }
                if try await publishFinished() > 0 { continue }
            } catch {
                logger.error("SMS outbox housekeeping failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: configuration.pollInterval)
        }
    }

    /// Records the links' receipts until their streams end (after the links shut down). Receipts that
    /// arrive while a write is under way are written together by the next one (group commit).
    public func runReceipts() async {
        let pending = ReceiptQueue()
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await (_, event) in self.router.receipts() { pending.append(event) }
                pending.finish()
            }
            group.addTask {
                while let batch = await pending.next() {
                    do {
                        try await self.outbox.recordReceipts(batch, now: self.now())
                    } catch {
                        self.logger.error("cannot record SMS receipts", metadata: [
                            "count": "\(batch.count)", "first": "\(batch[0].part.reference)", "error": "\(error)",
                        ])
                    }
                }
            }
        }
    }

    /// Ends ``runSender()`` after its current round.
    public func stop() {
        stopped.store(true, ordering: .releasing)
    }
}
