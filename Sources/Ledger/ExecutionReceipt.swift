import Payments

/// What executing a reservation produced: the seed's step-5 event and the two step-8 audit facts.
public struct ExecutionReceipt: Sendable, Hashable, Codable {
    /// `COMPLETED` with debited (amount + fee), credited, fee and the sender's new balance.
    public let completion: CoreCompletion
    /// `BALANCE_DEBITED` of the sender: the balance before and after the reservation took amount + fee.
    public let senderAudit: AuditEvent
    /// `BALANCE_CREDITED` of the recipient: the balance before and after this credit.
    public let recipientAudit: AuditEvent

    public init(completion: CoreCompletion, senderAudit: AuditEvent, recipientAudit: AuditEvent) {
        self.completion = completion
        self.senderAudit = senderAudit
        self.recipientAudit = recipientAudit
    }
}

extension ExecutionReceipt {
    /// The stored form: `[completion, senderAudit, recipientAudit]`, each exactly as written to the outbox.
    struct Stored: Decodable {
        let receipt: ExecutionReceipt

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            receipt = ExecutionReceipt(
                completion: try container.decode(CoreCompletion.self),
                senderAudit: try container.decode(AuditEvent.self),
                recipientAudit: try container.decode(AuditEvent.self))
        }
    }
}

/// Core's answer to EXECUTE.
public enum ExecuteOutcome: Sendable, Hashable, Codable {
    case completed(ExecutionReceipt)
    /// Nothing was posted: ``LedgerReason/unknownReservation`` or ``LedgerReason/reservationReleased``.
    case failed(reasonCode: String)
}

/// Core's answer to RELEASE.
public enum ReleaseOutcome: Sendable, Hashable, Codable {
    /// The hold went back to the sender.
    case released(reservationId: String)
    /// Core had not seen the request: a tombstone now makes it fail when it comes.
    case tombstoned
    /// Nothing changed: ``LedgerReason/alreadyExecuted``.
    case failed(reasonCode: String)
}
