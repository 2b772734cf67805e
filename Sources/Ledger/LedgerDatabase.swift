import Foundation
import GRDB
import SQLiteStore
import Payments

/// The core ledger: accounts, PINs, reservations, double-entry postings and the outbox, in SQLite.
///
/// A struct over `any DatabaseWriter` so the same code runs on a durable `DatabasePool` (WAL,
/// `synchronous=FULL`: a committed transfer survives power loss) and on an in-memory `DatabaseQueue` in
/// tests. Every public write is one IMMEDIATE transaction, taken before anything is read, so two
/// processes on one file cannot both pass a check that only one fits.
public struct LedgerDatabase: Sendable {
    /// The connection(s); exposed for tools and tests that read the schema directly.
    public let writer: any DatabaseWriter
    let tokenizer: MSISDNTokenizer
    let pinHasher: PINHasher
    public let configuration: LedgerConfiguration

    /// Opens `writer` and brings its schema up to date.
    public init(
        writer: any DatabaseWriter, tokenizer: MSISDNTokenizer, pinHasher: PINHasher,
        configuration: LedgerConfiguration = LedgerConfiguration()
    ) throws {
        self.writer = writer
        self.tokenizer = tokenizer
        self.pinHasher = pinHasher
        self.configuration = configuration
        try LedgerSchema.migrator.migrateSharedFile(writer)
    }

    /// A durable ledger in the SQLite file at `path`: WAL, `synchronous=FULL`, foreign keys on, and a
    /// busy timeout so several processes can share the file.
    public static func open(
        path: String, tokenizer: MSISDNTokenizer, pinHasher: PINHasher,
        configuration: LedgerConfiguration = LedgerConfiguration()
    ) throws -> LedgerDatabase {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // Savepoints (one per operation of a batch) journal the pages they touch; in memory that
            // costs a copy instead of a temporary file write.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        // FULL syncs the WAL on every commit, so an acknowledged transfer survives a power loss.
        let pool = try DatabasePool.durable(path: path, configuration: config)
        return try LedgerDatabase(writer: pool, tokenizer: tokenizer, pinHasher: pinHasher, configuration: configuration)
    }

    /// A throw-away ledger in memory, for tests and demos.
    public static func inMemory(
        tokenizer: MSISDNTokenizer, pinHasher: PINHasher, configuration: LedgerConfiguration = LedgerConfiguration()
    ) throws -> LedgerDatabase {
        try LedgerDatabase(
            writer: try DatabaseQueue(), tokenizer: tokenizer, pinHasher: pinHasher, configuration: configuration)
    }

    /// Runs `body` in one IMMEDIATE write transaction and returns its result.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// The async twin of ``transaction(_:)``: waits for the writer without blocking a thread of the
    /// cooperative pool.
    func transaction<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read { db in try body(db) }
    }
}
