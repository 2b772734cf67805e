import Foundation
import GRDB
import SQLiteStore
import Payments

/// `payment-dlq` recorded in SQLite for `pesagate dlq list` and `pesagate dlq replay ID`. Keyed by the
/// envelope's `eventId` (derived from the origin or the transaction) plus the parking service, since one
/// poison request is parked by each of the services reading it; a redelivered dead letter is recorded
/// once.
public struct DeadLetterStore: Sendable {
    /// One parked record as listed.
    public struct Entry: Sendable, Hashable {
        public let id: String
        public let envelope: DeadLetterEnvelope
        public let recordedAt: Date
        public let replayedAt: Date?
    }

    let writer: any DatabaseWriter

    public static func open(path: String) throws -> DeadLetterStore {
        var config = Configuration()
        config.busyMode = .timeout(10)
        return try DeadLetterStore(writer: DatabasePool(path: path, configuration: config))
    }

    public static func inMemory() throws -> DeadLetterStore {
        try DeadLetterStore(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-dead-letter") { db in
            try db.execute(sql: """
                CREATE TABLE dead_letter (
                    id TEXT NOT NULL PRIMARY KEY,
                    kind TEXT NOT NULL,
                    transactionId TEXT,
                    envelope BLOB NOT NULL,
                    recordedAt REAL NOT NULL,
                    replayedAt REAL
                )
                """)
        }
        try migrator.migrateSharedFile(writer)
    }

    /// Records `envelope` unless it is already recorded; returns whether it was new.
    @discardableResult
    public func record(_ envelope: DeadLetterEnvelope, at date: Date) async throws -> Bool {
        let value = try EventCoding.encode(envelope)
        return try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO dead_letter (id, kind, transactionId, envelope, recordedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO NOTHING
                    """,
                arguments: [Self.id(of: envelope), envelope.kind.rawValue, envelope.transactionId?.value, value,
                            date.timeIntervalSince1970])
            return db.changesCount == 1
        }
    }

    /// Every recorded dead letter, oldest first.
    /// Dead letters held and not yet replayed: the DLQ size operators watch.
    public func count() async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dead_letter WHERE replayedAt IS NULL") ?? 0
        }
    }

    public func list() async throws -> [Entry] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM dead_letter ORDER BY recordedAt, id").map(Self.entry)
        }
    }

    public func entry(id: String) async throws -> Entry? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM dead_letter WHERE id = ?", arguments: [id]).map(Self.entry)
        }
    }

    /// The listing id of `envelope`: `eventId`, then `@service` when a service is named.
    public static func id(of envelope: DeadLetterEnvelope) -> String {
        envelope.service.map { "\(envelope.eventId)@\($0)" } ?? envelope.eventId
    }

    func markReplayed(id: String, at date: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE dead_letter SET replayedAt = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, id])
        }
    }

    private static func entry(_ row: Row) throws -> Entry {
        Entry(
            id: row["id"], envelope: try EventCoding.decode(DeadLetterEnvelope.self, from: row["envelope"]),
            recordedAt: Date(timeIntervalSince1970: row["recordedAt"]),
            replayedAt: (row["replayedAt"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
