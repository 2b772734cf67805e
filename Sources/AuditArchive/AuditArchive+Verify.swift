import GRDB

extension AuditArchive {
    /// Walks every partition's hash chain in seq order across all month tables, recomputing every hash,
    /// and reports the first break of each partition.
    ///
    /// Reads one snapshot (WAL), so it can run while the archiver writes. Partitions are those with a
    /// head, an anchor or any entry, so deleting a head row does not hide its entries.
    public func verify() throws -> ChainReport {
        try pool.read { db in
            let heads = try ChainHead.fetchAll(db)
            let anchors = try Self.anchors(db)
            let links = try Self.purgedLinks(db)
            var walkers: [Int32: ChainWalker] = [:]
            func walker(_ partition: Int32) -> ChainWalker {
                walkers[partition]
                    ?? ChainWalker(partition: partition, anchor: anchors[partition], links: links[partition] ?? [:])
            }
            var cursor = try MergedChainCursor(db, months: try ArchiveSchema.existingMonths(db))
            while let row = try cursor.next() {
                var current = walker(row.entry.partition)
                current.visit(row)
                walkers[row.entry.partition] = current
            }
            var breaks: [ChainBreak] = []
            var checked = 0
            let partitions = Set(heads.keys).union(anchors.keys).union(walkers.keys)
            for partition in partitions.sorted() {
                var current = walker(partition)
                current.finish(head: heads[partition])
                checked += current.entriesChecked
                if let found = current.firstBreak { breaks.append(found) }
            }
            return ChainReport(breaks: breaks, entriesChecked: checked, partitionsChecked: partitions.count)
        }
    }

    static func anchors(_ db: Database) throws -> [Int32: (seq: Int64, hash: [UInt8])] {
        var anchors: [Int32: (seq: Int64, hash: [UInt8])] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kafka_partition, seq, hash FROM chain_anchors") {
            anchors[row[0]] = (row[1], row.bytes(2))
        }
        return anchors
    }

    static func purgedLinks(_ db: Database) throws -> [Int32: [Int64: ChainWalker.PurgedLink]] {
        var links: [Int32: [Int64: ChainWalker.PurgedLink]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kafka_partition, seq, prev_hash, hash FROM purged_links") {
            links[row[0], default: [:]][row[1]] = ChainWalker.PurgedLink(prevHash: row.bytes(2), hash: row.bytes(3))
        }
        return links
    }
}
