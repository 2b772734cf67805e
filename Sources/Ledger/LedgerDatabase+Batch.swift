import Foundation
import GRDB

extension LedgerDatabase {
    /// Applies many operations in ONE write transaction (group commit): one fsync for the whole batch
    /// instead of one per transfer, which is where a durable ledger spends its time.
    ///
    /// Each operation runs in its own savepoint, so it stays atomic and idempotent on its own: a database
    /// error rolls back that operation alone (answered ``LedgerOutcome/error(_:)``) and the batch goes on.
    /// Outcomes are in the order of `operations`; later operations see earlier ones' effects.
    public func apply(_ operations: [LedgerOperation], now: Date = Date()) throws -> [LedgerOutcome] {
        try transaction { db in try apply(db, operations, now: now) }
    }

    func apply(_ db: Database, _ operations: [LedgerOperation], now: Date) throws -> [LedgerOutcome] {
        var outcomes: [LedgerOutcome] = []
        outcomes.reserveCapacity(operations.count)
        for operation in operations {
            var outcome = LedgerOutcome.error("not run")
            do {
                try db.inSavepoint {
                    outcome = try apply(db, operation, now: now)
                    return .commit
                }
            } catch {
                outcome = .error(String(describing: error))
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    func apply(_ db: Database, _ operation: LedgerOperation, now: Date) throws -> LedgerOutcome {
        switch operation {
        case let .reserve(request, fee, limits, arrivedAt):
            .reserve(try reserve(db, request: request, fee: fee, limits: limits, now: now, arrivedAt: arrivedAt))
        case let .execute(transactionId):
            .execute(try execute(db, transactionId: transactionId, now: now))
        case let .release(transactionId, reason):
            .release(try release(db, transactionId: transactionId, reason: reason, now: now))
        }
    }
}
