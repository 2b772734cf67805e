import Foundation
import Logging
import Messaging
import Payments

extension SMSDispatcher {
    /// Publishes one delivery event per finished row, all of the round's rows at once (one Kafka round
    /// trip, not one per SMS), and marks those Kafka acknowledged; the others are retried next round.
    func publishFinished() async throws -> Int {
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
