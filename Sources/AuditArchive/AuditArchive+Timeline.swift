import Foundation
import GRDB

extension AuditArchive {
    /// Every archived event of `transactionId`, in time order (ties by partition, then seq): the story a
    /// regulator reads, across every service that took part.
    ///
    /// `event_ids` names the months that hold the transaction, and each of those month tables is read
    /// through its `(transaction_id, event_time)` index: nothing is scanned, however many years the
    /// archive holds.
    public func timeline(transactionId: String) throws -> [ArchivedEntry] {
        try pool.read { db in
            let months = try String.fetchAll(
                db, sql: "SELECT DISTINCT month FROM event_ids WHERE transaction_id = ?", arguments: [transactionId]
            ).compactMap(ArchiveMonth.init(tableName:))
            let existing = Set(try ArchiveSchema.existingMonths(db))
            var entries: [(time: String, entry: ArchivedEntry)] = []
            for month in months where existing.contains(month) {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT kafka_partition, kafka_offset, seq, event_id, transaction_id, event_type, service,
                            event_time, json
                        FROM \(month.quotedTable) WHERE transaction_id = ?
                        """,
                    arguments: [transactionId])
                for row in rows {
                    let time = row.tolerantText(7)
                    entries.append((time, Self.entry(row, time: time, month: month)))
                }
            }
            return entries.sorted { lhs, rhs in
                (lhs.time, lhs.entry.partition, lhs.entry.seq) < (rhs.time, rhs.entry.partition, rhs.entry.seq)
            }.map(\.entry)
        }
    }

    private static func entry(_ row: Row, time: String, month: ArchiveMonth) -> ArchivedEntry {
        ArchivedEntry(
            partition: Int32(clamping: row.tolerantInt(0)), offset: row.tolerantInt(1), seq: row.tolerantInt(2),
            eventId: row.tolerantText(3), transactionId: row.tolerantText(4), eventType: row.tolerantText(5),
            service: row.tolerantOptionalText(6), timestamp: ArchiveTimestamp(parsing: time)?.date ?? month.start,
            json: row.tolerantText(8), month: month.tableName)
    }
}
