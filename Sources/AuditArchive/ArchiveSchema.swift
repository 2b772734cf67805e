import Foundation
import GRDB

/// The archive's tables. A month table per calendar month of event time, plus small catalog tables.
///
/// **One logical design, two engines.** The design is PostgreSQL declarative partitioning:
///
/// ```sql
/// CREATE TABLE audit_entries (kafka_partition int NOT NULL, seq bigint NOT NULL, …,
///                             event_time timestamptz NOT NULL, …) PARTITION BY RANGE (event_time);
/// CREATE TABLE audit_2024_09 PARTITION OF audit_entries
///     FOR VALUES FROM ('2024-09-01 00:00Z') TO ('2024-10-01 00:00Z');
/// CREATE INDEX ON audit_entries (transaction_id, event_time);   -- cascades to every partition
/// ```
///
/// SQLite has no partitioned tables, so each `audit_YYYY_MM` table plays one partition: same columns,
/// a CHECK constraint that is the partition's range bound, and its own `(transaction_id, event_time)`
/// index. The `partitions` table plays PostgreSQL's catalog of attached partitions (name and bounds);
/// retention is `DROP TABLE` here and `DETACH PARTITION … ; DROP TABLE` there, whole months at a time,
/// never a row-by-row `DELETE`.
///
/// The other tables are plain tables in both engines:
/// - `event_ids`: one row per archived `eventId`, the global uniqueness PostgreSQL cannot enforce on a
///   partitioned parent (a unique index there must include the partition key); it also names the
///   month(s) of a transaction, so a timeline reads only those month tables.
/// - `chain_heads`: per Kafka partition, the last handled offset (idempotency) and the last chained
///   entry's seq and hash.
/// - `chain_anchors`, `purged_links`: what retention leaves of the purged part of each chain (see
///   ``AuditArchive/purge(olderThan:)``).
/// - `malformed`: records that were not audit events, kept with the reason.
///
/// Migrations are named and frozen once shipped (GRDB's advice); month tables are created on demand by
/// ``createMonth(_:in:now:)`` with the layout of the current code.
enum ArchiveSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-catalog") { db in
            try db.execute(
                sql: """
                    CREATE TABLE partitions (
                        name TEXT PRIMARY KEY NOT NULL,
                        range_start TEXT NOT NULL,
                        range_end TEXT NOT NULL,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE chain_heads (
                        kafka_partition INTEGER PRIMARY KEY NOT NULL,
                        head_offset INTEGER NOT NULL,
                        seq INTEGER NOT NULL CHECK (seq >= 0),
                        hash BLOB NOT NULL CHECK (length(hash) = 32),
                        updated_at TEXT NOT NULL
                    );
                    CREATE TABLE chain_anchors (
                        kafka_partition INTEGER PRIMARY KEY NOT NULL,
                        seq INTEGER NOT NULL CHECK (seq >= 1),
                        hash BLOB NOT NULL CHECK (length(hash) = 32),
                        purged_at TEXT NOT NULL
                    );
                    CREATE TABLE purged_links (
                        kafka_partition INTEGER NOT NULL,
                        seq INTEGER NOT NULL,
                        prev_hash BLOB NOT NULL,
                        hash BLOB NOT NULL,
                        PRIMARY KEY (kafka_partition, seq)
                    );
                    CREATE TABLE event_ids (
                        event_id TEXT PRIMARY KEY NOT NULL,
                        transaction_id TEXT NOT NULL,
                        month TEXT NOT NULL REFERENCES partitions(name),
                        kafka_partition INTEGER NOT NULL,
                        seq INTEGER NOT NULL
                    );
                    CREATE INDEX event_ids_by_transaction ON event_ids(transaction_id, month);
                    CREATE INDEX event_ids_by_month ON event_ids(month);
                    CREATE TABLE malformed (
                        kafka_partition INTEGER NOT NULL,
                        kafka_offset INTEGER NOT NULL,
                        record_key TEXT NOT NULL,
                        value BLOB NOT NULL,
                        error TEXT NOT NULL,
                        received_at TEXT NOT NULL,
                        PRIMARY KEY (kafka_partition, kafka_offset)
                    );
                    """)
        }
        return migrator
    }

    /// Creates `month`'s table and index if missing and lists it in `partitions`.
    static func createMonth(_ month: ArchiveMonth, in db: Database, now: String) throws {
        let table = month.quotedTable
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS \(table) (
                    kafka_partition INTEGER NOT NULL,
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    kafka_offset INTEGER NOT NULL,
                    event_id TEXT NOT NULL,
                    transaction_id TEXT NOT NULL,
                    event_type TEXT NOT NULL,
                    service TEXT,
                    event_time TEXT NOT NULL CHECK (event_time >= '\(month.prefix)' AND event_time < '\(month.endPrefix)'),
                    json TEXT NOT NULL,
                    prev_hash BLOB NOT NULL,
                    hash BLOB NOT NULL,
                    archived_at TEXT NOT NULL,
                    PRIMARY KEY (kafka_partition, seq)
                );
                CREATE INDEX IF NOT EXISTS "\(month.tableName)_by_transaction" ON \(table)(transaction_id, event_time);
                """)
        try db.execute(
            sql: "INSERT OR IGNORE INTO partitions (name, range_start, range_end, created_at) VALUES (?, ?, ?, ?)",
            arguments: [month.tableName, month.start.archiveText, month.end.archiveText, now])
    }

    /// Every month table: those the catalog lists and any `audit_YYYY_MM` table that exists without a
    /// catalog row (verification must not be fooled by a deleted catalog row), oldest first.
    static func existingMonths(_ db: Database) throws -> [ArchiveMonth] {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'audit\\_%' ESCAPE '\\'")
        return tables.compactMap(ArchiveMonth.init(tableName:)).sorted()
    }

    /// The months the catalog lists, oldest first.
    static func listedMonths(_ db: Database) throws -> [ArchiveMonth] {
        try String.fetchAll(db, sql: "SELECT name FROM partitions").compactMap(ArchiveMonth.init(tableName:)).sorted()
    }
}

extension Date {
    /// The fixed-width UTC text the archive writes for its own times (`archived_at`, bounds, …).
    var archiveText: String { ArchiveTimestamp(date: self)?.text ?? ISO8601DateFormatter().string(from: self) }
}
