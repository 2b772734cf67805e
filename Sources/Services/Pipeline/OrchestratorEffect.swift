import Payments

/// What the orchestrator must do after an event: publish a command to core, a confirmation, a dead
/// letter or an audit fact, or raise an alert. Returned by the pure ``PaymentJoin`` and stored (except alerts) before the
/// offset is committed, so a crash between deciding and publishing loses nothing.
public enum OrchestratorEffect: Sendable, Hashable {
    case command(CoreCommand)
    case confirmation(PaymentConfirmation)
    case deadLetter(DeadLetterEnvelope)
    /// A step of the payment's life for `audit-trail` (keyed by its own `eventId`).
    case audit(AuditEvent)
    /// A log line and a counter; nothing is published.
    case alert(String)

    /// The event id of what is published (nil for alerts).
    public var eventId: String? {
        switch self {
        case let .command(command): command.eventId
        case let .confirmation(confirmation): confirmation.eventId
        case let .deadLetter(envelope): envelope.eventId
        case let .audit(event): event.eventId
        case .alert: nil
        }
    }

    /// The topic, key and event to publish (nil for alerts).
    func outgoing() throws -> (topic: Topic, key: String, value: [UInt8])? {
        switch self {
        case let .command(command):
            (.coreProcessing, command.transactionId.value, Array(try EventCoding.encode(command)))
        case let .confirmation(confirmation):
            (.paymentConfirmations, confirmation.transactionId.value, Array(try EventCoding.encode(confirmation)))
        case let .deadLetter(envelope):
            (.paymentDLQ, envelope.transactionId?.value ?? envelope.eventId, Array(try EventCoding.encode(envelope)))
        case let .audit(event):
            (.auditTrail, event.eventId, Array(try EventCoding.encode(event)))
        case .alert:
            nil
        }
    }
}
