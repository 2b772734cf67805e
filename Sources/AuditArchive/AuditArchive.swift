import Foundation
import GRDB
import SQLiteStore

/// The compliance archive of the `audit-trail` topic: every audit event kept for the seed's seven years,
/// findable by transaction, and chained so that tampering is detectable.
///
/// Pure storage: the Kafka consumer service feeds it ``ArchiveInput``s in partition order and commits
/// its offsets after ``store(_:)`` returns. Because the consumer may deliver a record again after a
/// crash, and producers may re-publish an event after theirs, storing is idempotent twice over: by
/// (partition, offset) against each partition's head, and by `eventId` across all months.
///
/// Each Kafka partition has its own hash chain. Several producers write one partition, so none of them
/// can chain it; the archive reads each partition in order and is the one place the order is known.
/// The tables and how they map onto PostgreSQL partitioning are described in ``ArchiveSchema``.
///
/// A `DatabasePool` on a WAL file: the `pesagate audit` command can read (and ``verify()`` a
/// consistent snapshot) while the archiver writes. `synchronous = FULL` because the consumer commits
/// Kafka offsets once a store returns; an archive that lost its last commit in a power cut would
/// then have lost those events for good.
public final class AuditArchive: Sendable {
    /// The SQLite file.
    public let path: String
    let pool: DatabasePool

    /// Opens (or creates) the archive at `path` and brings its catalog tables up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        // FULL, so an archived (and committed) audit event survives a power loss.
        pool = try DatabasePool.durable(path: path, configuration: configuration)
        self.path = path
        try ArchiveSchema.migrator.migrateSharedFile(pool)
    }

    /// Closes every connection; the WAL is checkpointed into the main file. Further calls throw.
    public func close() throws {
        try pool.close()
    }

    /// The number of archived entries, over all month tables.
    public func count() throws -> Int {
        try pool.read { db in
            try ArchiveSchema.existingMonths(db).reduce(0) { total, month in
                total + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(month.quotedTable)") ?? 0)
            }
        }
    }

    /// The month tables, oldest first (`audit_2024_08`, `audit_2024_09`, …).
    public func months() throws -> [String] {
        try pool.read { db in try ArchiveSchema.listedMonths(db).map(\.tableName) }
    }

    /// The last handled Kafka offset of each partition: the consumer may start from here + 1.
    public func headOffsets() throws -> [Int32: Int64] {
        try pool.read { db in
            var offsets: [Int32: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kafka_partition, head_offset FROM chain_heads") {
                offsets[row[0]] = row[1]
            }
            return offsets
        }
    }

    /// The records kept as malformed, by partition and offset.
    public func malformedRecords() throws -> [MalformedRecord] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT kafka_partition, kafka_offset, record_key, value, error, received_at
                    FROM malformed ORDER BY kafka_partition, kafka_offset
                    """
            ).map { row in
                let receivedAt: String = row[5]
                return MalformedRecord(
                    partition: row[0], offset: row[1], key: row[2], value: Array(row[3] as Data), error: row[4],
                    receivedAt: ArchiveTimestamp(parsing: receivedAt)?.date ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    /// Runs `body` in one IMMEDIATE transaction: the write lock is taken before anything is read, so a
    /// second archiver process on the same file waits instead of chaining from a stale head.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// The async twin of ``transaction(_:)``, which waits for the writer without blocking a thread of
    /// the cooperative pool.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }
}
