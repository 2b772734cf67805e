import Foundation
import Logging
import Payments
import SMPP

extension SMSDispatcher {
    /// A claimed batch, queued on the links and waiting for the SMSCs' answers.
    struct StartedBatch: Sendable {
        var rows: [OutboxSMS]
        var routed: RoutedBatch
    }

    /// Claims up to a batch of queued rows and queues them on the links, in claim order (so the
    /// order per destination holds across batches too); nil when nothing is queued.
    func startBatch() async throws -> StartedBatch? {
        let start = now()
        let rows = try await outbox.claim(limit: configuration.batchSize, now: start)
        guard !rows.isEmpty else { return nil }
        let messages = rows.map { row in
            OutgoingSMS(
                reference: row.reference, to: row.msisdn, text: row.text,
                source: .alphanumeric(configuration.sender), registeredDelivery: true,
                validityPeriod: SMSValidityPeriod.relative(seconds: (row.expiresAt - start.outboxMilliseconds) / 1000))
        }
        return StartedBatch(rows: rows, routed: await router.enqueue(messages))
    }

    /// Waits for the batch's answers, records the acceptances in one transaction, settles the
    /// refusals, and publishes the SMS_SUBMITTED facts.
    func finish(_ batch: StartedBatch) async {
        let outcomes = await router.outcomes(of: batch.routed)
        let accepted = now()
        var submitted: [(OutboxSMS, [String])] = []
        var acceptedRows: [AcceptedSMS] = []
        var failed: [(OutboxSMS, any Error)] = []
        for (row, outcome) in zip(batch.rows, outcomes) {
            switch outcome {
            case .success(let (link, parts)):
                acceptedRows.append(AcceptedSMS(id: row.id, parts: parts.map(SubmittedPartRecord.init), link: link))
                submitted.append((row, parts.map(\.messageID)))
            case .failure(let error):
                failed.append((row, error))
            }
        }
        do {
            try await outbox.recordAccepted(acceptedRows, now: accepted)
            for (row, error) in failed { try await settle(row, after: error) }
        } catch {
            // The rows stay `submitted`; the next start requeues those without recorded parts.
            logger.error("SMS outbox write failed", metadata: ["error": "\(error)", "rows": "\(batch.rows.count)"])
            return
        }
        // All at once: one Kafka round trip per batch, not per SMS.
        await withDiscardingTaskGroup { group in
            for (row, ids) in submitted {
                group.addTask { await self.publishSubmitted(row, messageIds: ids, at: accepted) }
            }
        }
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
}
