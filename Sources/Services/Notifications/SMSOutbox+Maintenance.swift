import Foundation
import GRDB
import SQLiteStore

extension SMSOutbox {
    /// At start-up: rows left `submitted` without any accepted part were in flight when the process
    /// stopped; they go back to the queue to be sent again, byte-identical, and the resend is
    /// counted. Returns how many.
    @discardableResult
    public func recoverInFlight() async throws -> Int {
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE sms SET state = 'queued', resends = resends + 1
                WHERE state = 'submitted' AND NOT EXISTS (SELECT 1 FROM sms_part WHERE smsId = sms.id)
                """)
            return db.changesCount
        }
    }

    /// Expires every row not yet final whose age limit passed: a queued one is never sent, a
    /// submitted one stops waiting for a receipt that was lost. Returns how many.
    @discardableResult
    public func expireStale(now: Date) async throws -> Int {
        try await writer.write { db in
            // INDEXED BY: without statistics SQLite picks sms_by_state and walks every live row.
            try db.execute(sql: """
                UPDATE sms INDEXED BY sms_live_by_expiry SET state = 'expired', finishedAt = ?
                WHERE state IN ('queued', 'submitted') AND expiresAt <= ?
                """, arguments: [now.outboxMilliseconds, now.outboxMilliseconds])
            return db.changesCount
        }
    }

    /// Final rows whose delivery event is not yet published, oldest first.
    public func unpublishedFinal(limit: Int = 100) async throws -> [OutboxSMS] {
        try await writer.read { db in
            // INDEXED BY: without statistics SQLite picks sms_by_state, reads every finished row ever
            // and sorts them, a cost that grows with the outbox.
            try OutboxSMS.fetchAll(db, sql: """
                SELECT * FROM sms INDEXED BY sms_unpublished
                WHERE eventPublished = 0 AND state IN ('delivered', 'failed', 'expired')
                ORDER BY finishedAt, id LIMIT ?
                """, arguments: [limit])
        }
    }

    /// Notes that the delivery event of row `id` was acknowledged by Kafka.
    public func markPublished(id: Int64) async throws {
        try await markPublished(ids: [id])
    }

    /// Notes several acknowledged delivery events in one transaction, not synced on its own: a mark
    /// lost in a power cut only publishes the delivery event again, under the same `eventId`.
    public func markPublished(ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        try await writer.writeUnsynced { db in
            for id in ids {
                try db.cachedStatement(sql: "UPDATE sms SET eventPublished = 1 WHERE id = ?").execute(arguments: [id])
            }
        }
    }

    /// The row of one recipient of one transaction.
    public func message(transactionId: String, role: SMSRecipientRole) async throws -> OutboxSMS? {
        try await writer.read { db in
            try OutboxSMS.fetchOne(db, sql: "SELECT * FROM sms WHERE transactionId = ? AND role = ?",
                                   arguments: [transactionId, role.rawValue])
        }
    }

    /// The accepted parts of row `id`, in part order.
    public func parts(of id: Int64) async throws -> [OutboxSMSPart] {
        try await writer.read { db in
            try OutboxSMSPart.fetchAll(db, sql: "SELECT * FROM sms_part WHERE smsId = ? ORDER BY partNumber", arguments: [id])
        }
    }

    /// The accepted parts of several rows, in part order, by row id (one read for a round's rows).
    public func parts(of ids: [Int64]) async throws -> [Int64: [OutboxSMSPart]] {
        guard !ids.isEmpty else { return [:] }
        return try await writer.read { db in
            var parts: [Int64: [OutboxSMSPart]] = [:]
            for id in ids {
                parts[id] = try OutboxSMSPart.fetchAll(
                    db.cachedStatement(sql: "SELECT * FROM sms_part WHERE smsId = ? ORDER BY partNumber"), arguments: [id])
            }
            return parts
        }
    }

    /// Every row, in queue order (for tools and tests).
    public func all() async throws -> [OutboxSMS] {
        try await writer.read { db in try OutboxSMS.fetchAll(db, sql: "SELECT * FROM sms ORDER BY id") }
    }

    /// How many rows are in `state`.
    public func count(_ state: SMSState) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms WHERE state = ?", arguments: [state.rawValue]) ?? 0
        }
    }

    /// Messages not yet final (queued or waiting for their receipts): the outbox depth operators watch.
    public func pendingCount() async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms WHERE state IN ('queued', 'submitted')") ?? 0
        }
    }
}
