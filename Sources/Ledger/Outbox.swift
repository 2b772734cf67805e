import Foundation
import GRDB
import SQLiteStore
import Payments

/// Writes events into the outbox inside the caller's transaction.
enum Outbox {
    /// Appends `event` and returns its JSON, so a caller can reuse the bytes instead of encoding twice.
    @discardableResult
    static func append<Event: Encodable>(
        _ db: Database, event: Event, eventId: String, topic: Topic, key: String,
        transactionId: String, step: String, at date: Date
    ) throws -> Data {
        let value = try EventCoding.encode(event)
        try db.cachedStatement(sql: """
            INSERT INTO outbox (eventId, transactionId, step, topic, key, value, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(eventId) DO NOTHING
            """)
            .execute(arguments: [
                eventId, transactionId, step, topic.rawValue, key, value,
                date.timeIntervalSince1970,
            ])
        return value
    }
}

extension LedgerDatabase {
    /// Up to `limit` unpublished events, oldest first.
    public func pendingOutbox(limit: Int = 500) throws -> [OutboxMessage] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, eventId, transactionId, topic, key, value, createdAt FROM outbox
                    WHERE publishedAt IS NULL ORDER BY id LIMIT ?
                    """,
                arguments: [limit]
            ).compactMap { row in
                guard let topic = Topic(rawValue: row["topic"]) else { return nil }
                return OutboxMessage(
                    id: row["id"], eventId: row["eventId"], transactionId: row["transactionId"], topic: topic, key: row["key"], value: row["value"],
                    createdAt: Date(timeIntervalSince1970: row["createdAt"]))
            }
        }
    }

    /// Marks events as published (after Kafka acknowledged them). Not synced on its own: a mark lost
    /// in a power cut only makes the relay publish the event again, under the same `eventId`.
    public func markPublished(ids: [Int64], at date: Date = Date()) throws {
        guard !ids.isEmpty else { return }
        try writer.writeUnsynced { db in
            let statement = try db.cachedStatement(sql: "UPDATE outbox SET publishedAt = ? WHERE id = ?")
            for id in ids {
                try statement.execute(arguments: [date.timeIntervalSince1970, id])
            }
        }
    }

    /// Deletes events published before `date`, so the outbox stays small; returns how many went.
    @discardableResult
    public func pruneOutbox(publishedBefore date: Date) throws -> Int {
        try transaction { db in
            try db.execute(sql: "DELETE FROM outbox WHERE publishedAt IS NOT NULL AND publishedAt < ?", arguments: [date.timeIntervalSince1970])
            return db.changesCount
        }
    }
}
