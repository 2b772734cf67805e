import GRDB

extension DatabaseWriter {
    /// Runs `body` in a transaction whose commit is not synced to disk on its own: for bookkeeping
    /// that may be lost in a power cut without harm, such as marking outbox events published (lost
    /// marks only make the relay publish again, under the same `eventId`, which consumers drop).
    ///
    /// The connection goes back to its own `synchronous` level afterwards, so the next durable commit
    /// syncs everything before it, these frames included: the order of what reaches the disk holds.
    public func writeUnsynced<T>(_ body: (Database) throws -> T) throws -> T {
        try writeWithoutTransaction { db in try Self.unsynced(db, body) }
    }

    /// The async form of ``writeUnsynced(_:)``.
    public func writeUnsynced<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writeWithoutTransaction { db in try Self.unsynced(db, body) }
    }

    private static func unsynced<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        let level = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        defer { try? db.execute(sql: "PRAGMA synchronous = \(level)") }
        var result: T?
        try db.inTransaction {
            result = try body(db)
            return .commit
        }
        return result!
    }
}
