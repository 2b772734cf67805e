import Foundation
import GRDB

/// One ``AuditArchive/store(_:)`` call inside its transaction: heads and known months are cached for
/// the batch and the heads written back once at the end.
struct ArchiveWriter {
    private let db: Database
    private let now: String
    private var heads: [Int32: ChainHead] = [:]
    private var changed: Set<Int32> = []
    private var months: Set<ArchiveMonth>

    init(db: Database, now: Date = Date()) throws {
        self.db = db
        self.now = now.archiveText
        // A month counts as present only with both its table and its catalog row; anything less (a
        // tampered file) is repaired by the idempotent ``ArchiveSchema/createMonth(_:in:now:)``.
        months = Set(try ArchiveSchema.listedMonths(db)).intersection(try ArchiveSchema.existingMonths(db))
    }

    /// Handles `records` in the given order (the consumer's per-partition order).
    mutating func store(_ records: [ArchiveInput]) throws -> ArchiveStoreOutcome {
        var outcome = ArchiveStoreOutcome()
        for record in records {
            var head = try head(of: record.partition)
            guard record.offset > head.offset else {
                outcome.redelivered += 1
                continue
            }
            switch AuditRecordParser.parse(record.value) {
            case .failure(let reason):
                try keepMalformed(record, reason: reason)
                outcome.malformed += 1
            case .success(let event):
                if try isArchived(eventId: event.eventId) {
                    outcome.duplicates += 1
                } else {
                    head = try append(event, from: record, after: head)
                    outcome.stored += 1
                }
            }
            head.offset = record.offset
            heads[record.partition] = head
            changed.insert(record.partition)
        }
        for partition in changed.sorted() {
            try heads[partition]!.save(db, partition: partition, now: now)
        }
        return outcome
    }

    private mutating func head(of partition: Int32) throws -> ChainHead {
        if let head = heads[partition] { return head }
        let head = try ChainHead.fetchOne(db, partition: partition) ?? .empty
        heads[partition] = head
        return head
    }

    private func isArchived(eventId: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM event_ids WHERE event_id = ?)"),
            arguments: [eventId]) ?? false
    }

    /// Chains `event` after `head` into its month table and indexes its `eventId`.
    private mutating func append(_ event: ParsedAuditRecord, from record: ArchiveInput, after head: ChainHead) throws
        -> ChainHead
    {
        let month = event.timestamp.month
        if !months.contains(month) {
            try ArchiveSchema.createMonth(month, in: db, now: now)
            months.insert(month)
        }
        let entry = ChainEntry(
            partition: record.partition, seq: head.seq + 1, offset: record.offset, eventId: event.eventId,
            transactionId: event.transactionId, eventType: event.eventType, timestamp: event.timestamp.text,
            service: event.service, json: event.json)
        let hash = entry.hash(after: head.hash)
        try db.cachedStatement(
            sql: """
                INSERT INTO \(month.quotedTable) (kafka_partition, seq, kafka_offset, event_id, transaction_id,
                    event_type, service, event_time, json, prev_hash, hash, archived_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            entry.partition, entry.seq, entry.offset, entry.eventId, entry.transactionId, entry.eventType,
            entry.service, entry.timestamp, entry.json, Data(head.hash), Data(hash), now,
        ])
        try db.cachedStatement(
            sql: "INSERT INTO event_ids (event_id, transaction_id, month, kafka_partition, seq) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [entry.eventId, entry.transactionId, month.tableName, entry.partition, entry.seq])
        return ChainHead(offset: record.offset, seq: entry.seq, hash: hash)
    }

    private func keepMalformed(_ record: ArchiveInput, reason: MalformedReason) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO malformed (kafka_partition, kafka_offset, record_key, value, error, received_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [record.partition, record.offset, record.key, Data(record.value), reason.description, now])
    }
}
