import Foundation
import Payments

/// One ledger operation, for ``LedgerDatabase/apply(_:now:)``'s group commit.
public enum LedgerOperation: Sendable, Hashable {
    /// Check funds and limits and hold amount + fee. `arrivedAt` (when the request reached the
    /// service) gives the result's `processingTime`.
    case reserve(PaymentRequest, fee: Money, limits: TierLimits, arrivedAt: Date? = nil)
    case execute(TransactionID)
    case release(TransactionID, reason: String? = nil)
}

/// The answer to one ``LedgerOperation``.
public enum LedgerOutcome: Sendable, Hashable {
    case reserve(ReserveOutcome)
    case execute(ExecuteOutcome)
    case release(ReleaseOutcome)
    /// The operation hit a database error; its savepoint was rolled back, so it changed nothing, and
    /// the rest of the batch went on. Redeliver it.
    case error(String)
}
