/// Core's answer to a payment request. Stored under (transactionId, `reserve`) so a redelivered
/// request gets this same answer back, never a second evaluation.
public enum ReserveOutcome: Sendable, Hashable, Codable {
    /// Amount plus fee moved from the sender to the hold account.
    case reserved(reservationId: String, coreTransactionId: String)
    /// Nothing was reserved; `reasonCode` is a `ReasonCode` or ``LedgerReason`` value.
    case failed(reasonCode: String)
}
