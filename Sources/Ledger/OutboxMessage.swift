import Foundation
import Payments

/// An event a ledger change caused, waiting in the outbox to be published.
///
/// It was written in the same database transaction as the change, so a crash loses neither or both;
/// publishing it twice (after a crash between send and ``LedgerDatabase/markPublished(ids:at:)``) is
/// safe because `eventId` is deterministic and consumers drop the copy.
public struct OutboxMessage: Sendable, Hashable {
    /// Outbox order; pass to ``LedgerDatabase/markPublished(ids:at:)``.
    public let id: Int64
    public let eventId: String
    /// The payment it belongs to: names the payment's trace when the event is published.
    public let transactionId: String
    public let topic: Topic
    /// The Kafka key: `transactionId` on `core-processing`, `eventId` on `audit-trail`.
    public let key: String
    /// The event as UTF-8 JSON (``EventCoding``).
    public let value: Data
    public let createdAt: Date
}
