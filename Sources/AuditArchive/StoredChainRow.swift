import Foundation
import GRDB

/// One month-table row as verification reads it: the hashed fields plus the stored links.
///
/// Read tolerantly: a tampered row may hold a value of the wrong type, and verification must report it
/// as a broken hash rather than trap on a failed conversion.
struct StoredChainRow: Sendable {
    let entry: ChainEntry
    let prevHash: [UInt8]
    let hash: [UInt8]
    let month: String

    /// The columns, in the order ``init(row:month:)`` reads them.
    static let columns = """
        kafka_partition, seq, kafka_offset, event_id, transaction_id, event_type, event_time, service, json, \
        prev_hash, hash
        """

    init(row: Row, month: String) {
        entry = ChainEntry(
            partition: Int32(clamping: row.tolerantInt(0)), seq: row.tolerantInt(1), offset: row.tolerantInt(2),
            eventId: row.tolerantText(3), transactionId: row.tolerantText(4), eventType: row.tolerantText(5),
            timestamp: row.tolerantText(6), service: row.tolerantOptionalText(7), json: row.tolerantText(8))
        prevHash = row.bytes(9)
        hash = row.bytes(10)
        self.month = month
    }
}

extension Row {
    func tolerantInt(_ index: Int) -> Int64 {
        Int64.fromDatabaseValue(self[index] as DatabaseValue) ?? -1
    }

    func tolerantText(_ index: Int) -> String {
        String.fromDatabaseValue(self[index] as DatabaseValue) ?? ""
    }

    func tolerantOptionalText(_ index: Int) -> String? {
        String.fromDatabaseValue(self[index] as DatabaseValue)
    }
}
