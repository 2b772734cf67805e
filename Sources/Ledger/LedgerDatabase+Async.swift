import Foundation
import Payments

/// Async twins of the payment operations, for services running on Swift concurrency: they wait for the
/// writer without blocking a thread of the cooperative pool. Same semantics as the synchronous ones.
extension LedgerDatabase {
    public func reserve(
        request: PaymentRequest, fee: Money, limits: TierLimits, now: Date = Date(), arrivedAt: Date? = nil
    ) async throws -> ReserveOutcome {
        try await transaction { db in
            try reserve(db, request: request, fee: fee, limits: limits, now: now, arrivedAt: arrivedAt)
        }
    }

    public func execute(transactionId: TransactionID, now: Date = Date()) async throws -> ExecuteOutcome {
        try await transaction { db in try execute(db, transactionId: transactionId, now: now) }
    }

    public func release(transactionId: TransactionID, reason: String? = nil, now: Date = Date()) async throws -> ReleaseOutcome {
        try await transaction { db in try release(db, transactionId: transactionId, reason: reason, now: now) }
    }

    public func apply(_ operations: [LedgerOperation], now: Date = Date()) async throws -> [LedgerOutcome] {
        try await transaction { db in try apply(db, operations, now: now) }
    }
}
