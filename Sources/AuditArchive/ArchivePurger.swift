import Foundation
import GRDB

/// One ``AuditArchive/purge(olderThan:)`` inside its transaction.
///
/// The chain must stay checkable after its oldest entries are gone. For each Kafka partition the anchor
/// moves to the entry just before the first one that remains (its seq and hash), so verification starts
/// there. Because seq order is not month order, a purged month may also hold stragglers whose seq lies
/// after a remaining entry (an event stamped 31 August, read after one stamped 1 September); each of
/// those leaves a link (seq, prev_hash, hash) in `purged_links`, so the walk can step over it, until
/// a later purge takes the anchor past it.
struct ArchivePurger {
    private let db: Database
    private let cutoff: Date

    init(db: Database, cutoff: Date) {
        self.db = db
        self.cutoff = cutoff
    }

    func purge() throws -> PurgeOutcome {
        let existing = try ArchiveSchema.existingMonths(db)
        let known = Set(existing).union(try ArchiveSchema.listedMonths(db))
        let dropped = known.filter { $0.end <= cutoff }.sorted()
        let kept = existing.filter { $0.end > cutoff }
        let droppedTables = Set(existing).intersection(dropped).sorted()

        var anchors: [ChainAnchor] = []
        if !droppedTables.isEmpty {
            for partition in try partitions() {
                if let anchor = try moveAnchor(partition, dropped: droppedTables, kept: kept) { anchors.append(anchor) }
            }
        }
        var purgedEntries = 0
        for month in dropped {
            if droppedTables.contains(month) {
                purgedEntries += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(month.quotedTable)") ?? 0
            }
            try db.execute(sql: "DELETE FROM event_ids WHERE month = ?", arguments: [month.tableName])
            try db.execute(sql: "DELETE FROM partitions WHERE name = ?", arguments: [month.tableName])
            try db.execute(sql: "DROP TABLE IF EXISTS \(month.quotedTable)")
        }
        try db.execute(sql: "DELETE FROM malformed WHERE received_at < ?", arguments: [cutoff.archiveText])
        return PurgeOutcome(
            droppedMonths: dropped.map(\.tableName), purgedEntries: purgedEntries, purgedMalformed: db.changesCount,
            anchors: anchors)
    }

    /// Every partition that has a chain: by head, anchor or leftover link.
    private func partitions() throws -> [Int32] {
        try Int32.fetchAll(
            db,
            sql: """
                SELECT kafka_partition FROM chain_heads UNION SELECT kafka_partition FROM chain_anchors
                UNION SELECT kafka_partition FROM purged_links ORDER BY 1
                """)
    }

    /// Anchors `partition` just before its first remaining entry and keeps links for purged stragglers;
    /// returns the new anchor when it moved.
    private func moveAnchor(_ partition: Int32, dropped: [ArchiveMonth], kept: [ArchiveMonth]) throws -> ChainAnchor? {
        let old = try AuditArchive.anchors(db)[partition]
        var firstRemaining: Int64?
        for month in kept {
            let seq = try Int64.fetchOne(
                db, sql: "SELECT MIN(seq) FROM \(month.quotedTable) WHERE kafka_partition = ?", arguments: [partition])
            if let seq { firstRemaining = min(firstRemaining ?? seq, seq) }
        }
        let lastPurged = try firstRemaining.map { $0 - 1 } ?? lastSeq(partition, in: dropped)
        var anchor: ChainAnchor?
        var anchorSeq = old?.seq ?? 0
        if lastPurged > anchorSeq {
            guard let hash = try hash(partition, seq: lastPurged, in: dropped) else {
                throw AuditArchiveError.chainBrokenAtPurge(partition: partition, seq: lastPurged)
            }
            try db.execute(
                sql: """
                    INSERT INTO chain_anchors (kafka_partition, seq, hash, purged_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (kafka_partition) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
                        purged_at = excluded.purged_at
                    """,
                arguments: [partition, lastPurged, Data(hash), Date().archiveText])
            anchor = ChainAnchor(partition: partition, seq: lastPurged, hash: hash)
            anchorSeq = lastPurged
        }
        try db.execute(
            sql: "DELETE FROM purged_links WHERE kafka_partition = ? AND seq <= ?", arguments: [partition, anchorSeq])
        for month in dropped {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO purged_links (kafka_partition, seq, prev_hash, hash)
                    SELECT kafka_partition, seq, prev_hash, hash FROM \(month.quotedTable)
                    WHERE kafka_partition = ? AND seq > ?
                    """,
                arguments: [partition, anchorSeq])
        }
        return anchor
    }

    /// The highest seq of `partition` in the purged months, or the head's when none is there.
    private func lastSeq(_ partition: Int32, in months: [ArchiveMonth]) throws -> Int64 {
        var last = try Int64.fetchOne(
            db, sql: "SELECT seq FROM chain_heads WHERE kafka_partition = ?", arguments: [partition]) ?? 0
        for month in months {
            let seq = try Int64.fetchOne(
                db, sql: "SELECT MAX(seq) FROM \(month.quotedTable) WHERE kafka_partition = ?", arguments: [partition])
            last = max(last, seq ?? 0)
        }
        return last
    }

    /// The hash of entry `seq`, from a month about to be dropped or a link an earlier purge left.
    private func hash(_ partition: Int32, seq: Int64, in months: [ArchiveMonth]) throws -> [UInt8]? {
        for month in months {
            if let hash = try Data.fetchOne(
                db, sql: "SELECT hash FROM \(month.quotedTable) WHERE kafka_partition = ? AND seq = ?",
                arguments: [partition, seq])
            {
                return Array(hash)
            }
        }
        return try Data.fetchOne(
            db, sql: "SELECT hash FROM purged_links WHERE kafka_partition = ? AND seq = ?", arguments: [partition, seq]
        ).map(Array.init)
    }
}
