import GRDB

extension DatabasePool {
    /// A pool whose commits reach the disk before they return (`synchronous = FULL`), so what was
    /// acknowledged (a transfer, a queued SMS, a payment decision) survives a power loss, not only a
    /// process crash.
    ///
    /// Setting the pragma in `prepareDatabase` is not enough: GRDB's pool switches the writer to WAL
    /// after preparing it and sets `synchronous = NORMAL` as it does, which syncs only at checkpoints.
    /// The writer connection lives as long as the pool, so setting FULL on it once, afterwards, holds.
    public static func durable(path: String, configuration: Configuration) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }

    /// The writer's `synchronous` level: 2 is FULL (for tests and `pesagate` self-checks).
    public func writerSynchronousLevel() throws -> Int {
        try writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }
}
