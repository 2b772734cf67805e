import Foundation
import GRDB
import SQLiteStore

/// The stored answers of the fraud and revenue services, keyed by (transactionId, step), in SQLite.
///
/// Why a store and not recomputation: a fraud score depends on the subscriber's history, which the first
/// evaluation changed, so a redelivered request scored again could flip from APPROVED to DECLINED. The
/// first answer is kept and a redelivery republishes its bytes. `INSERT … ON CONFLICT DO NOTHING` then a
/// read back means two instances racing on one request both publish the one answer that won.
/// Its own small file (not the ledger's) because fraud and revenue scale out separately from core.
public struct AnswerStore: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the store at `path`; WAL so several processes can share it.
    public static func open(path: String) throws -> AnswerStore {
        var config = Configuration()
        config.busyMode = .timeout(10)
        return try AnswerStore(writer: DatabasePool(path: path, configuration: config))
    }

    /// A throw-away store for tests.
    public static func inMemory() throws -> AnswerStore {
        try AnswerStore(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-answer") { db in
            try db.execute(sql: """
                CREATE TABLE answer (
                    transactionId TEXT NOT NULL,
                    step TEXT NOT NULL,
                    value BLOB NOT NULL,
                    storedAt REAL NOT NULL,
                    PRIMARY KEY (transactionId, step)
                ) WITHOUT ROWID
                """)
        }
        try migrator.migrateSharedFile(writer)
    }

    /// The answer stored for (`transactionId`, `step`), if any.
    public func answer(transactionId: String, step: String) async throws -> Data? {
        try await writer.read { db in
            try Data.fetchOne(
                db.cachedStatement(sql: "SELECT value FROM answer WHERE transactionId = ? AND step = ?"),
                arguments: [transactionId, step])
        }
    }

    /// Stores `value` unless an answer exists; returns the answer that is stored now (the first one).
    public func store(_ value: Data, transactionId: String, step: String, at date: Date) async throws -> Data {
        try await writer.write { db in
            try db.cachedStatement(sql: """
                    INSERT INTO answer (transactionId, step, value, storedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(transactionId, step) DO NOTHING
                    """)
                .execute(arguments: [transactionId, step, value, date.timeIntervalSince1970])
            return try Data.fetchOne(
                db.cachedStatement(sql: "SELECT value FROM answer WHERE transactionId = ? AND step = ?"),
                arguments: [transactionId, step]) ?? value
        }
    }
}
