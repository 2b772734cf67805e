import Foundation
import GRDB
import SQLiteStore
import Payments

/// The durable SMS outbox: every confirmation SMS is a row before anything is sent, so a crash
/// loses none, and the row is unique per (transaction, recipient role), so a redelivered
/// confirmation sends nothing twice.
///
/// A struct over `any DatabaseWriter`: a `DatabasePool` (WAL, `synchronous=FULL`) in service, an
/// in-memory `DatabaseQueue` in tests. Every write names the time it happens at, so tests drive the
/// clock and the outbox never reads the wall clock itself.
public struct SMSOutbox: Sendable {
    public let writer: any DatabaseWriter

    /// Opens `writer` and brings its schema up to date.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try SMSOutboxSchema.migrator.migrateSharedFile(writer)
    }

    /// A durable outbox in the SQLite file at `path` (created with its folder if missing).
    public static func open(path: String) throws -> SMSOutbox {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        // FULL syncs every commit, so a queued SMS survives power loss once the confirmation that
        // caused it has been acknowledged to Kafka.
        return try SMSOutbox(writer: try DatabasePool.durable(path: path, configuration: config))
    }

    /// A throw-away outbox in memory, for tests.
    public static func inMemory() throws -> SMSOutbox {
        try SMSOutbox(writer: try DatabaseQueue())
    }

    /// Queues the SMS of one confirmation; returns how many rows were new (0 for a redelivery).
    /// A message already past `expiresAt` is recorded as `expired` and never sent.
    @discardableResult
    public func enqueue(
        _ messages: [ConfirmationSMS], transactionId: TransactionID, expiresAt: Date, now: Date, traceparent: String? = nil
    ) async throws -> Int {
        let state: SMSState = expiresAt > now ? .queued : .expired
        return try await writer.write { db in
            var inserted = 0
            for message in messages {
                try db.execute(sql: """
                    INSERT INTO sms (transactionId, role, msisdn, language, text, state, createdAt, expiresAt, finishedAt, traceparent)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (transactionId, role) DO NOTHING
                    """, arguments: [
                        transactionId.value, message.role.rawValue, message.msisdn.value, message.language.rawValue,
                        message.text, state.rawValue, now.outboxMilliseconds, expiresAt.outboxMilliseconds,
                        state == .expired ? now.outboxMilliseconds : nil, traceparent,
                    ])
                inserted += db.changesCount
            }
            return inserted
        }
    }

    /// Takes up to `limit` queued, unexpired rows in queue order and marks them `submitted` (one
    /// more attempt) in the same transaction, so no two senders take the same row.
    public func claim(limit: Int, now: Date) async throws -> [OutboxSMS] {
        try await writer.write { db in
            // One statement for the whole batch (RETURNING gives the claimed rows in no set order).
            let at = now.outboxMilliseconds
            return try OutboxSMS.fetchAll(db.cachedStatement(sql: """
                UPDATE sms SET state = 'submitted', attempts = attempts + 1, submittedAt = ?
                WHERE id IN (SELECT id FROM sms WHERE state = 'queued' AND expiresAt > ? ORDER BY id LIMIT ?)
                RETURNING *
                """), arguments: [at, at, limit]).sorted { $0.id < $1.id }
        }
    }

    /// Records the message ids the SMSC gave the parts of row `id`. Parts whose receipt came
    /// first keep it; a row whose receipts are then all in is finished.
    /// `link` names the SMSC link that accepted them (see ``awaitingReceipts()``).
    public func recordAccepted(id: Int64, parts: [SubmittedPartRecord], link: String? = nil, now: Date) async throws {
        try await recordAccepted([AcceptedSMS(id: id, parts: parts, link: link)], now: now)
    }

    /// Records the acceptance of several rows in one transaction (one fsync per batch of sends).
    public func recordAccepted(_ rows: [AcceptedSMS], now: Date) async throws {
        guard !rows.isEmpty else { return }
        try await writer.write { db in
            for row in rows {
                if let link = row.link {
                    try db.cachedStatement(sql: "UPDATE sms SET link = ? WHERE id = ?").execute(arguments: [link, row.id])
                }
                for part in row.parts {
                    try db.cachedStatement(sql: """
                        INSERT INTO sms_part (smsId, partNumber, totalParts, messageId) VALUES (?, ?, ?, ?)
                        ON CONFLICT (smsId, partNumber) DO UPDATE SET messageId = excluded.messageId
                        """).execute(arguments: [row.id, part.partNumber, part.totalParts, part.messageID])
                }
                try Self.finishIfComplete(db, id: row.id, now: now)
            }
        }
    }

    /// The SMSC refused for good, or the tries ran out: the row fails.
    public func markFailed(id: Int64, error: String, now: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE sms SET state = 'failed', lastError = ?, finishedAt = ? WHERE id = ? AND state = 'submitted'
                """, arguments: [error, now.outboxMilliseconds, id])
        }
    }

    /// A temporary failure: back to `queued`, or `failed` once `maxAttempts` were used.
    public func requeue(id: Int64, error: String, maxAttempts: Int, now: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE sms SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'queued' END,
                  finishedAt = CASE WHEN attempts >= ? THEN ? ELSE NULL END, lastError = ?
                WHERE id = ? AND state = 'submitted'
                """, arguments: [maxAttempts, maxAttempts, now.outboxMilliseconds, error, id])
        }
    }
}
