import Foundation
import GRDB

/// Every month table's rows as one stream ordered by (partition, seq).
///
/// A partition's seq order is not its month order (a late event of August can follow one of
/// September), so the chain must be read across tables. Each table is read in primary-key order and
/// the streams are merged here, which needs no sort, no temporary b-tree and no compound SELECT (whose
/// arm count SQLite caps).
struct MergedChainCursor {
    private var cursors: [(month: String, cursor: RowCursor)]
    private var pending: [StoredChainRow?]

    init(_ db: Database, months: [ArchiveMonth]) throws {
        cursors = try months.map { month in
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT \(StoredChainRow.columns) FROM \(month.quotedTable) ORDER BY kafka_partition, seq")
            return (month.tableName, cursor)
        }
        pending = Array(repeating: nil, count: cursors.count)
        for index in cursors.indices {
            try advance(index)
        }
    }

    /// The next row by (partition, seq), or nil when every table is exhausted.
    mutating func next() throws -> StoredChainRow? {
        var best: Int?
        for (index, row) in pending.enumerated() {
            guard let row else { continue }
            if let current = best, let bestRow = pending[current],
                (bestRow.entry.partition, bestRow.entry.seq) <= (row.entry.partition, row.entry.seq)
            {
                continue
            }
            best = index
        }
        guard let best else { return nil }
        let row = pending[best]
        try advance(best)
        return row
    }

    /// Copies the next row of table `index` out of its cursor (cursor rows are reused by GRDB).
    private mutating func advance(_ index: Int) throws {
        pending[index] = try cursors[index].cursor.next().map { StoredChainRow(row: $0, month: cursors[index].month) }
    }
}
