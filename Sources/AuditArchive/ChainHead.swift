import Foundation
import GRDB

/// A Kafka partition's position in the archive: the last offset handled (stored, duplicate or
/// malformed) and the last entry chained.
///
/// The two move separately: a duplicate or malformed record advances `offset` (so a redelivery is
/// skipped) but adds nothing to the chain.
struct ChainHead: Sendable, Hashable {
    /// -1 before the first record: Kafka offsets start at 0.
    var offset: Int64
    /// 0 before the first entry.
    var seq: Int64
    /// ``ChainEntry/genesis`` before the first entry.
    var hash: [UInt8]

    static let empty = ChainHead(offset: -1, seq: 0, hash: ChainEntry.genesis)

    /// Every partition's head.
    static func fetchAll(_ db: Database) throws -> [Int32: ChainHead] {
        var heads: [Int32: ChainHead] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kafka_partition, head_offset, seq, hash FROM chain_heads") {
            heads[row[0]] = ChainHead(offset: row[1], seq: row[2], hash: row.bytes(3))
        }
        return heads
    }

    static func fetchOne(_ db: Database, partition: Int32) throws -> ChainHead? {
        try Row.fetchOne(
            db, sql: "SELECT head_offset, seq, hash FROM chain_heads WHERE kafka_partition = ?", arguments: [partition]
        ).map { ChainHead(offset: $0[0], seq: $0[1], hash: $0.bytes(2)) }
    }

    func save(_ db: Database, partition: Int32, now: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO chain_heads (kafka_partition, head_offset, seq, hash, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kafka_partition) DO UPDATE SET
                    head_offset = excluded.head_offset, seq = excluded.seq, hash = excluded.hash,
                    updated_at = excluded.updated_at
                """
        ).execute(arguments: [partition, offset, seq, Data(hash), now])
    }
}

extension Row {
    /// A BLOB column as bytes (empty when NULL or not a blob, which no hash comparison accepts).
    func bytes(_ index: Int) -> [UInt8] {
        (self[index] as Data?).map(Array.init) ?? []
    }
}
