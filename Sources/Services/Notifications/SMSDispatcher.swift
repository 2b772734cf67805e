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

    /// Runs rounds until ``stop()`` or cancellation, sleeping only when a round found nothing.
    public func runSender() async {
        while !Task.isCancelled, !stopped.load(ordering: .acquiring) {
            let worked = await round()
            if !worked { try? await Task.sleep(for: configuration.pollInterval) }
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

    /// One round: expire, send a batch, publish finished rows. True when it sent or published.
    @discardableResult
    public func round() async -> Bool {
        do {
            try await outbox.expireStale(now: now())
            let sent = try await sendBatch()
            let published = try await publishFinished()
            return sent + published > 0
        } catch {
            logger.error("SMS outbox round failed", metadata: ["error": "\(error)"])
            return false
        }
    }

    private func sendBatch() async throws -> Int {
        let start = now()
        let rows = try await outbox.claim(limit: configuration.batchSize, now: start)
        guard !rows.isEmpty else { return 0 }
        let messages = rows.map { row in
            OutgoingSMS(
                reference: row.reference, to: row.msisdn, text: row.text,
                source: .alphanumeric(configuration.sender), registeredDelivery: true,
                validityPeriod: SMSValidityPeriod.relative(seconds: (row.expiresAt - start.outboxMilliseconds) / 1000))
        }
        let outcomes = await router.submitInOrder(messages)
        let accepted = now()
        var submitted: [(OutboxSMS, [String], Date)] = []
        var acceptedRows: [AcceptedSMS] = []
        var failed: [(OutboxSMS, any Error)] = []
        for (row, outcome) in zip(rows, outcomes) {
            switch outcome {
            case .success(let (link, parts)):
                acceptedRows.append(AcceptedSMS(id: row.id, parts: parts.map(SubmittedPartRecord.init), link: link))
                submitted.append((row, parts.map(\.messageID), accepted))
            case .failure(let error):
                failed.append((row, error))
            }
        }
        // One transaction for the whole batch's acceptances.
        try await outbox.recordAccepted(acceptedRows, now: accepted)
        for (row, error) in failed { try await settle(row, after: error) }
        // All at once: one Kafka round trip per batch, not per SMS.
        await withDiscardingTaskGroup { group in
            for (row, ids, accepted) in submitted {
                group.addTask { await self.publishSubmitted(row, messageIds: ids, at: accepted) }
            }
        }
        return rows.count
    }

    private func settle(_ row: OutboxSMS, after error: any Error) async throws {
        let permanent: Bool
        switch error as? ESMEError {
        case .rejected, .encoding: permanent = true
        default: permanent = error is SMSCRoutingError
        }
        logger.warning("SMS not accepted", metadata: [
            "reference": "\(row.reference)", "error": "\(error)", "permanent": "\(permanent)",
        ])
        if permanent {
            try await outbox.markFailed(id: row.id, error: "\(error)", now: now())
        } else {
            try await outbox.requeue(id: row.id, error: "\(error)", maxAttempts: configuration.maxAttempts, now: now())
        }
    }

    /// The SMS_SUBMITTED audit fact, once the SMSC accepted every part. Best effort: the final
    /// delivery event, which is durable, repeats `submittedAt`, so a crash here loses no time stamp.
    private func publishSubmitted(_ row: OutboxSMS, messageIds: [String], at time: Date) async {
        guard let transactionId = try? TransactionID(parsing: row.transactionId) else { return }
        logger.info("SMS submitted", metadata: [
            "transactionId": "\(row.transactionId)", "role": "\(row.role.rawValue)",
            "messageIds": "\(messageIds.joined(separator: ","))", "traceId": "\(Self.traceID(row))",
        ])
        let event = SMSDeliveryEvent(
            transactionId: transactionId, recipientRole: row.role, state: .submitted, messageIds: messageIds,
            attempts: row.attempts, resends: row.resends, submittedAt: time, timestamp: time)
        do {
            try await publish(event, row.traceparent)
        } catch {
            logger.warning("SMS_SUBMITTED audit event not published", metadata: ["error": "\(error)"])
        }
    }

    /// Publishes one delivery event per finished row, all of the round's rows at once (one Kafka round
    /// trip, not one per SMS), and marks those Kafka acknowledged; the others are retried next round.
    private func publishFinished() async throws -> Int {
        var events: [(OutboxSMS, [OutboxSMSPart], SMSDeliveryEvent)] = []
        let rows = try await outbox.unpublishedFinal()
        let partsByRow = try await outbox.parts(of: rows.map(\.id))
        for row in rows {
            guard let transactionId = try? TransactionID(parsing: row.transactionId) else {
                try await outbox.markPublished(id: row.id)
                continue
            }
            let parts = partsByRow[row.id] ?? []
            let event = SMSDeliveryEvent(
                transactionId: transactionId, recipientRole: row.role, state: row.state,
                messageIds: parts.map(\.messageId), attempts: row.attempts, resends: row.resends,
                submittedAt: row.submittedAt.map(Date.init(outboxMilliseconds:)),
                timestamp: Date(outboxMilliseconds: row.finishedAt ?? now().outboxMilliseconds),
                detail: row.lastError)
            events.append((row, parts, event))
        }
        let acknowledged = await withTaskGroup(of: Int?.self) { group in
            for (index, (row, _, event)) in events.enumerated() {
                group.addTask {
                    do {
                        try await self.publish(event, row.traceparent)
                        return index
                    } catch {
                        self.logger.warning("SMS delivery event not published; will retry", metadata: ["error": "\(error)"])
                        return nil
                    }
                }
            }
            return await group.reduce(into: [Int]()) { if let index = $1 { $0.append(index) } }
        }
        try await outbox.markPublished(ids: acknowledged.map { events[$0].0.id })
        for index in acknowledged.sorted() {
            let (row, parts, _) = events[index]
            SMSMetrics.finished(row)
            logger.info("SMS final", metadata: [
                "transactionId": "\(row.transactionId)", "role": "\(row.role.rawValue)", "state": "\(row.state.rawValue)",
                "messageIds": "\(parts.map(\.messageId).joined(separator: ","))", "traceId": "\(Self.traceID(row))",
            ])
        }
        return acknowledged.count
    }

    /// The payment's trace id, from the row's stored header or, failing that, from its transaction id.
    static func traceID(_ row: OutboxSMS) -> String {
        (row.traceparent.flatMap(TraceContext.init(traceparent:)) ?? TraceContext.payment(row.transactionId)).traceID
    }
}
