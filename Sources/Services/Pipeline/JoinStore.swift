import Foundation
import GRDB
import SQLiteStore
import Payments

/// The orchestrator's shared state: one row per payment (the ``PaymentJoin`` as JSON, its decision and
/// its next timer) and the effects waiting to be published, in one SQLite file that every orchestrator
/// instance opens.
///
/// Why shared and not per instance: the joined topics have 20, 30 and 40 partitions, so no assignment
/// gives one instance all three answers of a payment (ARCHITECTURE.md). Each record's change runs in a
/// savepoint of an IMMEDIATE transaction (SQLite serialises writers across processes; concurrent changes
/// of one instance share a transaction, see ``JoinBatcher``) that reads the row, applies the event and
/// stores row and effects together, before the consumer commits the offset. The decision is
/// written by a conditional update (`… WHERE decision IS NULL`), so two instances can never both decide.
/// Deadlines are absolute times in the rows, so they survive a restart and any instance fires them.
public struct JoinStore: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the shared store at `path`.
    public static func open(path: String) throws -> JoinStore {
        var config = Configuration()
        config.busyMode = .timeout(10)
        // FULL: a decision is acknowledged to Kafka (offsets committed) only after it is stored.
        return try JoinStore(writer: DatabasePool.durable(path: path, configuration: config))
    }

    /// A throw-away store for tests.
    public static func inMemory() throws -> JoinStore {
        try JoinStore(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-join") { db in
            try db.execute(sql: """
                CREATE TABLE payment_join (
                    transactionId TEXT NOT NULL PRIMARY KEY,
                    state BLOB NOT NULL,
                    decision TEXT CHECK (decision IN ('PROCEED', 'REJECT')),
                    timerAt REAL
                );
                CREATE INDEX payment_join_timer ON payment_join (timerAt) WHERE timerAt IS NOT NULL;
                CREATE TABLE effect (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    eventId TEXT NOT NULL UNIQUE,
                    transactionId TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value BLOB NOT NULL,
                    publishedAt REAL
                );
                CREATE INDEX effect_pending ON effect (seq) WHERE publishedAt IS NULL;
                """)
        }
        try migrator.migrateSharedFile(writer)
    }

    /// Applies several updates in ONE transaction (group commit, see ``JoinBatcher``), each in its own
    /// savepoint: an update that throws (e.g. decided concurrently by another instance) is rolled back
    /// alone and answered with its error; the others commit together.
    func update(batch updates: [JoinBatcher.Update]) async throws -> [Result<[OrchestratorEffect], any Error>] {
        try await writer.writeWithoutTransaction { db in
            var results: [Result<[OrchestratorEffect], any Error>] = []
            try db.inTransaction(.immediate) {
                for update in updates {
                    do {
                        var effects: [OrchestratorEffect] = []
                        try db.inSavepoint {
                            effects = try Self.apply(
                                db, update.transactionId, update.now, update.timeout, update.lateAnswerGrace,
                                update.completionAlertAfter, update.body)
                            return .commit
                        }
                        results.append(.success(effects))
                    } catch {
                        results.append(.failure(error))
                    }
                }
                return .commit
            }
            return results
        }
    }

    private static func apply(
        _ db: Database, _ transactionId: TransactionID, _ now: Date, _ timeout: TimeInterval, _ grace: TimeInterval,
        _ alertAfter: TimeInterval, _ body: (inout PaymentJoin) -> [OrchestratorEffect]
    ) throws -> [OrchestratorEffect] {
        let txn = transactionId.value
        // Cached statements throughout: this runs for every event the orchestrator reads, and parsing the
        // SQL each time cost more CPU than executing it.
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT state, decision FROM payment_join WHERE transactionId = ?"), arguments: [txn])
        var join = try row.map { try EventCoding.decode(PaymentJoin.self, from: $0["state"]) }
            ?? PaymentJoin(transactionId: transactionId, firstSeen: now, timeout: timeout, lateAnswerGrace: grace)
        let decidedBefore = row.flatMap { $0["decision"] as String? } != nil
        let effects = body(&join)
        let state = try EventCoding.encode(join)
        let timerAt = join.nextTimer(completionAlertAfter: alertAfter)?.timeIntervalSince1970
        if row == nil {
            try db.cachedStatement(sql: "INSERT INTO payment_join (transactionId, state, decision, timerAt) VALUES (?, ?, ?, ?)")
                .execute(arguments: [txn, state, join.verdict?.rawValue, timerAt])
        } else if !decidedBefore, let verdict = join.verdict {
            try db.cachedStatement(
                sql: "UPDATE payment_join SET state = ?, decision = ?, timerAt = ? WHERE transactionId = ? AND decision IS NULL")
                .execute(arguments: [state, verdict.rawValue, timerAt, txn])
            guard db.changesCount == 1 else { throw PipelineError.transient("\(txn) was decided concurrently") }
        } else {
            try db.cachedStatement(sql: "UPDATE payment_join SET state = ?, timerAt = ? WHERE transactionId = ?")
                .execute(arguments: [state, timerAt, txn])
        }
        for effect in effects {
            guard let eventId = effect.eventId, let outgoing = try effect.outgoing() else { continue }
            // A repeated command (a RELEASE re-sent once the reservation id is known) is re-armed; an
            // audit fact is recorded once (a redelivered event must not publish it again).
            let onConflict = if case .audit = effect { "DO NOTHING" } else {
                "DO UPDATE SET value = excluded.value, publishedAt = NULL"
            }
            try db.cachedStatement(sql: """
                    INSERT INTO effect (eventId, transactionId, topic, key, value) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(eventId) \(onConflict)
                    """)
                .execute(arguments: [eventId, txn, outgoing.topic.rawValue, outgoing.key, Data(outgoing.value)])
        }
        return effects
    }

    /// Payments whose timer is due at `now`.
    public func due(at now: Date, limit: Int = 1_000) async throws -> [TransactionID] {
        try await writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT transactionId FROM payment_join WHERE timerAt <= ? ORDER BY timerAt LIMIT ?",
                arguments: [now.timeIntervalSince1970, limit]
            ).compactMap { try? TransactionID(parsing: $0) }
        }
    }

    /// The stored join of a payment, if the orchestrator has seen it.
    public func join(_ transactionId: TransactionID) async throws -> PaymentJoin? {
        try await writer.read { db in
            try Data.fetchOne(
                db.cachedStatement(sql: "SELECT state FROM payment_join WHERE transactionId = ?"), arguments: [transactionId.value])
                .map { try EventCoding.decode(PaymentJoin.self, from: $0) }
        }
    }

    /// Effects not yet acknowledged by Kafka, oldest first.
    func pendingEffects(limit: Int) async throws
        -> [(seq: Int64, transactionId: String, topic: Topic, key: String, value: Data)]
    {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT seq, transactionId, topic, key, value FROM effect WHERE publishedAt IS NULL ORDER BY seq LIMIT ?",
                arguments: [limit]
            ).compactMap { row in
                guard let topic = Topic(rawValue: row["topic"]) else { return nil }
                return (row["seq"], row["transactionId"], topic, row["key"], row["value"])
            }
        }
    }

    /// Not synced on its own: a mark lost in a power cut only re-publishes the effect (same `eventId`).
    func markPublished(_ seqs: [Int64], at date: Date) async throws {
        guard !seqs.isEmpty else { return }
        try await writer.writeUnsynced { db in
            let statement = try db.cachedStatement(sql: "UPDATE effect SET publishedAt = ? WHERE seq = ?")
            for seq in seqs {
                try statement.execute(arguments: [date.timeIntervalSince1970, seq])
            }
        }
    }
}
